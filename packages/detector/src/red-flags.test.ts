import { describe, expect, it } from "vitest";
import { analyzeEmail } from "./index.ts";

const NOTE = "From: Jane Doe <jane@example.org>\nTo: sam@example.net\nSubject: the photos from Saturday\nMIME-Version: 1.0\n";

function withAttachment(filename: string, contentType: string, body: string): string {
  return (
    `${NOTE}Content-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\n` +
    "Hi Sam, here are the photos from Saturday. See you next week, Jane\n\n" +
    `--b1\nContent-Type: ${contentType}; name="${filename}"\nContent-Disposition: attachment; filename="${filename}"\nContent-Transfer-Encoding: base64\n\n` +
    `${Buffer.from(body).toString("base64")}\n--b1--\n`
  );
}

describe("red flags", () => {
  it("the same friendly note is legitimate with a picture and at least suspicious with a program disguised as a PDF", async () => {
    const photo = await analyzeEmail(withAttachment("saturday.jpg", "image/jpeg", "\xff\xd8\xff\xe0 not really a jpeg"));
    expect(photo.verdict).toBe("legitimate");
    expect(photo.reasons.some((r) => r.message.includes("Legitimate mail does not do this"))).toBe(false);

    const program = await analyzeEmail(withAttachment("photos.pdf.exe", "application/octet-stream", "MZ\x90\x00 program"));
    expect(program.verdict).not.toBe("legitimate");
    expect(program.score).toBe(Math.round(program.probability * 100)); // the score stays the model's
    const flagged = program.reasons.filter((r) => r.message.endsWith("Legitimate mail does not do this, so the message is at least suspicious whatever its score."));
    expect(flagged.map((r) => r.feature).sort()).toEqual(["email_attachment_double_extension", "email_attachment_executable"]);
    expect(program.reasons.slice(0, 2)).toEqual(expect.arrayContaining(flagged));
    expect(flagged.find((r) => r.feature === "email_attachment_double_extension")!.message).toContain("photos.pdf.exe");
  });

  it("a message with its own password field, or a link that hides its host behind '@', is at least suspicious", async () => {
    const form = await analyzeEmail(
      `${NOTE}Content-Type: text/html; charset=utf-8\n\n<p>Hi Sam, the photos are below.</p><form><input type="password" name="p"></form><p>Jane</p>\n`,
    );
    expect(form.verdict).not.toBe("legitimate");
    expect(form.reasons[0]!.feature).toBe("email_html_password_fields");

    const at = await analyzeEmail(`${NOTE}Content-Type: text/plain; charset=utf-8\n\nHi Sam, photos: http://www.google.com:443@photos-share.example/saturday\nJane\n`);
    expect(at.verdict).not.toBe("legitimate");
    expect(at.reasons[0]!.feature).toBe("email_link_userinfo");
  });
});
