// The search page in Debian's chromium, driven by playwright-core (nothing downloads a browser):
// types Enver as a user would, and checks that a Persian result is laid out right to left with
// its match highlighted. Usage: node page_test.mjs URL SCREENSHOT.png
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const fail = (why) => { console.error("page test: " + why); process.exitCode = 1; };

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(url)) outside.push(r.url()); });
  await page.goto(url);
  // Keyboard first: "/" puts the cursor in the box from anywhere on the page.
  await page.evaluate(() => document.activeElement.blur());  // the box has the focus at first
  await page.keyboard.press("/");
  const box = await page.evaluate(() => [document.activeElement.id, document.activeElement.value]);
  if (box[0] !== "q" || box[1] !== "") fail(`/ gave focus to "${box[0]}" and typed "${box[1]}"`);
  await page.keyboard.type("Enver");
  await page.keyboard.press("Enter");
  await page.waitForSelector("li.hit");
  // The totals per language, as links that filter.
  await page.locator("#langs a", { hasText: /^fa \d/ }).waitFor();
  // The Persian passages, through the language filter if page 1 holds none.
  if ((await page.locator('.text[lang="fa"]').count()) === 0) {
    await page.locator("#langs a", { hasText: /^fa / }).click();
    await page.waitForSelector('.text[lang="fa"]');
  }
  const fa = page.locator('.text[lang="fa"]').first();
  const layout = await fa.evaluate((e) => ({
    dir: e.getAttribute("dir"),
    rtl: e.matches(":dir(rtl)"),
    direction: getComputedStyle(e).direction,
    marks: [...e.querySelectorAll("mark")].map((m) => m.textContent),
  }));
  if (layout.dir !== "auto") fail(`the passage has dir=${layout.dir}, not auto`);
  if (!layout.rtl || layout.direction !== "rtl") fail("a Persian passage is not laid out right to left");
  if (!layout.marks.some((m) => /[\u0600-\u06FF]/.test(m))) {
    fail(`no Arabic-script word is highlighted (marks: ${JSON.stringify(layout.marks)})`);
  }
  // The explanation is there on demand, and the context link leads to the passage.
  await page.locator("li.hit details summary").first().click();
  if ((await page.locator("li.hit details[open] td").count()) === 0) fail("no explanation rows");
  await page.screenshot({ path: screenshot, fullPage: false });
  await page.locator("li.hit .meta a", { hasText: "in context" }).first().click();
  await page.waitForFunction(() => location.hash.includes("doc="));
  await page.waitForSelector("li.hit .text");
  // A query in error shows its message with the part at fault marked in the query.
  await page.locator("#q").fill("Herat title:y");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#status .error");
  const fault = await page.evaluate(() => {
    const at = document.querySelector("#status .at-fault");
    return at && [at.textContent, at.querySelector("mark.fault").textContent];
  });
  if (!fault || fault[0] !== "Herat title:y" || fault[1] !== "title:") {
    fail(`the bad query's part is not marked: ${JSON.stringify(fault)}`);
  }
  if (await page.locator("#pages").isVisible()) fail("the pager of the last search is still shown");
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-error.png") });
  if (outside.length) fail("the page fetched from outside: " + outside.join(", "));
  if (!process.exitCode) console.log(`page test: passed; screenshot in ${screenshot}`);
} finally {
  await browser.close();
}
