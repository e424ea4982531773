// Suffixes where anyone can publish a site in minutes (free hosting, site builders, object
// storage, serverless platforms) and common URL shorteners. Phishing kits live on these
// because they come with a trusted certificate and no domain registration.

export const FREE_HOSTING_SUFFIXES: readonly string[] = [
  "vercel.app", "pages.dev", "github.io", "gitlab.io", "webflow.io", "weebly.com", "weeblysite.com",
  "r2.dev", "godaddysites.com", "workers.dev", "firebaseapp.com", "web.app", "netlify.app",
  "netlify.com", "glitch.me", "000webhostapp.com", "herokuapp.com", "onrender.com", "repl.co",
  "replit.app", "replit.dev", "wixsite.com", "wix.com", "square.site", "squarespace.com",
  "blogspot.com", "wordpress.com", "sites.google.com", "firebasestorage.googleapis.com",
  "storage.googleapis.com", "appspot.com", "azurewebsites.net", "web.core.windows.net",
  "blob.core.windows.net", "s3.amazonaws.com", "amplifyapp.com", "surge.sh", "fly.dev",
  "translate.goog", "ipfs.io", "dweb.link", "cloudflare-ipfs.com", "fleek.co", "on.fleek.co",
  "framer.app", "framer.website", "carrd.co", "webnode.page", "webnode.com", "yolasite.com",
  "jimdosite.com", "jimdofree.com", "strikingly.com", "mystrikingly.com", "site123.me",
  "ukit.me", "tilda.ws", "myshopify.com", "notion.site", "typedream.app", "hpage.com",
  "wcomhost.com", "biz.nf", "atwebpages.com", "freehostia.com", "byethost.com", "epizy.com",
  "rf.gd", "infinityfreeapp.com", "free.nf", "ngrok.io", "ngrok-free.app", "ngrok.app",
  "trycloudflare.com", "duckdns.org", "no-ip.org", "ddns.net", "hopto.org", "zapto.org",
  "forms.gle", "docs.google.com", "forms.office.com", "sway.office.com", "1drv.ms",
  "dropboxusercontent.com", "mailchi.mp", "canva.site", "my.canva.site", "wixstudio.io",
  "ueniweb.com", "business.site", "mystrikingly.com", "plesk.page", "cprapid.com",
  "backblazeb2.com", "digitaloceanspaces.com", "linodeobjects.com", "codeanyapp.com",
  "pythonanywhere.com", "deno.dev", "bubbleapps.io", "start.page", "wuaze.com",
];

export const SHORTENER_DOMAINS: readonly string[] = [
  "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
  "cutt.ly", "shorturl.at", "rb.gy", "t.ly", "tiny.cc", "bl.ink", "short.io", "s.id", "v.gd",
  "qrco.de", "shorte.st", "adf.ly", "lnkd.in", "x.co", "soo.gd", "bit.do", "tiny.one", "u.to",
  "clck.ru", "urlz.fr", "1url.com", "2no.co", "surl.li", "shorturl.asia", "tr.im", "ln.run",
  "linktr.ee", "t.me", "qr.net", "urlr.me", "trib.al", "dub.sh", "y2u.be",
];

/** The listed suffix the host sits under (exact host or any parent), if any. */
export function matchSuffix(host: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) {
    if (host === suffix || host.endsWith(`.${suffix}`)) return suffix;
  }
  return null;
}

/**
 * Hosts on brands' own domains where anyone can publish a file or page (tenant file shares, cloud
 * storage, drives, old feed redirectors). A brand's domain vouches only for pages the brand writes,
 * so these do not count as "the brand's own site" (url_brand_is_registrable_domain).
 */
export const USER_CONTENT_SUFFIXES: readonly string[] = [
  "sharepoint.com", "drive.google.com", "script.google.com", "storage.cloud.google.com", "googleusercontent.com",
  "feedproxy.google.com", "onedrive.live.com", "amazonaws.com", "dropbox.com", "windows.net", "appspot.com",
];
