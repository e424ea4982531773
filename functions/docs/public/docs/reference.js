// Renders /openapi.json with redoc (loaded from /docs/vendor by docs.html). Fonts are the system's:
// nothing is fetched from anywhere but this origin.
Redoc.init(
  "/openapi.json",
  {
    hideDownloadButton: false,
    expandResponses: "200,201",
    jsonSampleExpandLevel: 3,
    theme: { typography: { fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif", headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif" } } },
  },
  document.getElementById("reference"),
);
