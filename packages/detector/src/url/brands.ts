// Well-known brands that phishing imitates, with the registrable domains they really send
// from / host on. Used for impersonation *properties* (a brand claimed by someone who is not
// that brand), never as identities a model could memorise.

export interface Brand {
  /** Lower-case display name used in explanations. */
  name: string;
  /** Lower-case ASCII tokens that name the brand in hosts, display names and text. */
  tokens: readonly string[];
  /** Registrable domains that belong to the brand. */
  domains: readonly string[];
}

export const BRANDS: readonly Brand[] = [
  { name: "PayPal", tokens: ["paypal"], domains: ["paypal.com", "paypal.me", "paypalobjects.com", "paypal-communication.com", "paypal.de", "paypal.co.uk", "paypal-community.com"] },
  { name: "Apple", tokens: ["apple", "icloud", "itunes"], domains: ["apple.com", "icloud.com", "me.com", "itunes.com", "apple.news"] },
  { name: "Microsoft", tokens: ["microsoft", "office365", "outlook", "onedrive", "sharepoint", "hotmail"], domains: ["microsoft.com", "office.com", "office365.com", "outlook.com", "live.com", "hotmail.com", "sharepoint.com", "onedrive.com", "microsoftonline.com", "msn.com", "windows.net", "azure.com", "bing.com", "skype.com", "xbox.com"] },
  { name: "Google", tokens: ["google", "gmail"], domains: ["google.com", "gmail.com", "googlemail.com", "youtube.com", "googleusercontent.com", "gstatic.com", "google.co.uk", "google.de", "google.fr", "google.es", "google.it", "google.ca", "google.com.au", "google.co.jp", "google.co.in", "goo.gl", "g.co", "googleapis.com", "google-analytics.com", "googletagmanager.com", "googlesyndication.com", "doubleclick.net", "ggpht.com", "googlevideo.com", "withgoogle.com", "blogger.com", "googleblog.com", "android.com", "chromium.org", "google.be", "google.ch", "google.nl", "google.pl", "google.ru", "google.kz", "google.at", "google.se", "google.no", "google.dk", "google.fi", "google.pt", "google.ie", "google.gr", "google.cz", "google.hu", "google.ro", "google.com.br", "google.com.mx", "google.com.ar", "google.com.tr", "google.co.kr", "google.com.sg", "google.com.hk", "google.co.za", "google.co.nz", "google.com.ua"] },
  { name: "Amazon", tokens: ["amazon"], domains: ["amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it", "amazon.es", "amazon.ca", "amazon.co.jp", "amazon.in", "amazon.com.au", "amazonaws.com", "amazonses.com", "amazon.com.br", "amazon.nl", "amazon.pl", "amazon.se", "amazon.com.mx", "amazon.sa", "amazon.ae", "a.co", "images-amazon.com", "ssl-images-amazon.com", "media-amazon.com", "amazon-adsystem.com", "amazontrust.com", "amazonpay.com", "primevideo.com"] },
  { name: "Netflix", tokens: ["netflix"], domains: ["netflix.com", "nflxext.com", "nflximg.net"] },
  { name: "Facebook", tokens: ["facebook", "instagram", "whatsapp", "meta"], domains: ["facebook.com", "fb.com", "facebookmail.com", "instagram.com", "whatsapp.com", "whatsapp.net", "meta.com", "fbcdn.net", "fb.me", "messenger.com"] },
  { name: "LinkedIn", tokens: ["linkedin"], domains: ["linkedin.com", "licdn.com", "lnkd.in"] },
  { name: "Dropbox", tokens: ["dropbox"], domains: ["dropbox.com", "dropboxmail.com", "dropboxusercontent.com", "db.tt"] },
  { name: "DocuSign", tokens: ["docusign"], domains: ["docusign.com", "docusign.net"] },
  { name: "Adobe", tokens: ["adobe"], domains: ["adobe.com", "adobesign.com", "echosign.com", "adobelogin.com"] },
  { name: "DHL", tokens: ["dhl"], domains: ["dhl.com", "dhl.de", "dhl.co.uk", "dhl.fr", "dhlparcel.nl", "dhl.nl", "dhl-usa.com", "dhlparcel.co.uk", "dhl.it", "dhl.es"] },
  { name: "FedEx", tokens: ["fedex"], domains: ["fedex.com"] },
  { name: "UPS", tokens: ["ups"], domains: ["ups.com"] },
  { name: "USPS", tokens: ["usps"], domains: ["usps.com", "usps.gov"] },
  { name: "Royal Mail", tokens: ["royalmail"], domains: ["royalmail.com", "royalmail.co.uk"] },
  { name: "eBay", tokens: ["ebay"], domains: ["ebay.com", "ebay.co.uk", "ebay.de", "ebay.fr", "ebay.it", "ebay.es", "ebay.ca", "ebay.com.au"] },
  { name: "Chase", tokens: ["chase", "jpmorgan"], domains: ["chase.com", "jpmorgan.com", "jpmorganchase.com"] },
  { name: "Wells Fargo", tokens: ["wellsfargo"], domains: ["wellsfargo.com", "wf.com"] },
  { name: "Bank of America", tokens: ["bankofamerica"], domains: ["bankofamerica.com", "bofa.com"] },
  { name: "Citibank", tokens: ["citibank"], domains: ["citi.com", "citibank.com"] },
  { name: "HSBC", tokens: ["hsbc"], domains: ["hsbc.com", "hsbc.co.uk", "hsbc.com.hk", "hsbc.com.sg", "hsbc.fr", "hsbc.com.mx", "hsbc.ca"] },
  { name: "Barclays", tokens: ["barclays"], domains: ["barclays.com", "barclays.co.uk"] },
  { name: "Santander", tokens: ["santander"], domains: ["santander.com", "santander.co.uk", "santander.de", "santander.es"] },
  { name: "American Express", tokens: ["americanexpress", "amex"], domains: ["americanexpress.com", "aexp.com"] },
  { name: "Mastercard", tokens: ["mastercard"], domains: ["mastercard.com"] },
  { name: "Visa", tokens: ["visa"], domains: ["visa.com"] },
  { name: "Coinbase", tokens: ["coinbase"], domains: ["coinbase.com"] },
  { name: "Binance", tokens: ["binance"], domains: ["binance.com"] },
  { name: "MetaMask", tokens: ["metamask"], domains: ["metamask.io"] },
  { name: "Ledger", tokens: ["ledger"], domains: ["ledger.com"] },
  { name: "Yahoo", tokens: ["yahoo"], domains: ["yahoo.com", "yahoo.co.uk", "yahoo.co.jp", "ymail.com", "yahoo-inc.com", "yahoo.net", "yimg.com"] },
  { name: "AOL", tokens: ["aol"], domains: ["aol.com"] },
  { name: "Twitter", tokens: ["twitter"], domains: ["twitter.com", "x.com", "t.co"] },
  { name: "Telegram", tokens: ["telegram"], domains: ["telegram.org", "t.me"] },
  { name: "Steam", tokens: ["steam", "steampowered", "steamcommunity"], domains: ["steampowered.com", "steamcommunity.com"] },
  { name: "Spotify", tokens: ["spotify"], domains: ["spotify.com"] },
  { name: "Walmart", tokens: ["walmart"], domains: ["walmart.com"] },
  { name: "Costco", tokens: ["costco"], domains: ["costco.com"] },
  { name: "IRS", tokens: ["irs"], domains: ["irs.gov"] },
  { name: "HMRC", tokens: ["hmrc"], domains: ["hmrc.gov.uk", "gov.uk"] },
  { name: "Norton", tokens: ["norton"], domains: ["norton.com", "nortonlifelock.com"] },
  { name: "McAfee", tokens: ["mcafee"], domains: ["mcafee.com"] },
  { name: "Booking.com", tokens: ["booking"], domains: ["booking.com"] },
  { name: "Airbnb", tokens: ["airbnb"], domains: ["airbnb.com"] },
  { name: "Roblox", tokens: ["roblox"], domains: ["roblox.com"] },
  { name: "Discord", tokens: ["discord"], domains: ["discord.com", "discord.gg", "discordapp.com"] },
  { name: "WeTransfer", tokens: ["wetransfer"], domains: ["wetransfer.com", "we.tl"] },
  { name: "Zoom", tokens: ["zoom"], domains: ["zoom.us", "zoom.com"] },
  { name: "Outlook Web", tokens: ["owa"], domains: ["outlook.com", "office.com"] },
];

/** Brands whose token is a common English word (or part of one): only match them exactly. */
const SHORT_TOKEN = 5;

export function tokenIsShort(token: string): boolean {
  return token.length < SHORT_TOKEN;
}

/** The brand a registrable domain belongs to, if any. */
export function brandOfDomain(registrableDomain: string | null): Brand | null {
  if (!registrableDomain) return null;
  for (const brand of BRANDS) if (domainBelongsToBrand(brand, registrableDomain)) return brand;
  return null;
}

/**
 * Only the listed domains count: the same brand name under another suffix is NOT the brand's own
 * (in our URL data 421 phishing URLs sit on such domains, e.g. roblox.com.py, against 20 benign).
 */
export function domainBelongsToBrand(brand: Brand, registrableDomain: string | null): boolean {
  return registrableDomain !== null && brand.domains.includes(registrableDomain);
}

/** Tokens that occur inside ordinary words ("purchase" holds "chase"): matched only as whole words. */
const WHOLE_WORD_ONLY = new Set(["chase", "steam", "zoom", "meta", "ledger", "booking", "outlook", "visa", "apple", "adobe", "norton", "costco"]);

/** Whether a token may be found inside a longer word ("paypalsecure") rather than only as a whole word. */
export function substringAllowed(token: string): boolean {
  return token.length >= 6 && !WHOLE_WORD_ONLY.has(token);
}
