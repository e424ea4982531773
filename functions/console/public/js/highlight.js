// Search snippets come from Postgres ts_headline with matched words between « and » (plain text).
// Split them into runs so the page can wrap hits in <mark> through text nodes only.

/** "a «b» c" → [{text:"a ", hit:false}, {text:"b", hit:true}, {text:" c", hit:false}] */
export function snippetRuns(snippet) {
  const runs = [];
  let hit = false;
  let text = "";
  for (const ch of snippet ?? "") {
    if (ch === "«" && !hit) { if (text) runs.push({ text, hit }); text = ""; hit = true; continue; }
    if (ch === "»" && hit) { if (text) runs.push({ text, hit }); text = ""; hit = false; continue; }
    text += ch;
  }
  if (text) runs.push({ text, hit });
  return runs;
}
