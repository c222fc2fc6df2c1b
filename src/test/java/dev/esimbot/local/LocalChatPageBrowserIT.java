package dev.esimbot.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esimbot.testkit.HeadlessChromium;
import dev.esimbot.testkit.RunningBot;
import dev.esimbot.testkit.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The local chat page in a real browser: Debian's headless Chromium, driven by Selenium, against the whole app started
 * in local mode (no token) in this JVM. Skipped where chromium or chromium-driver is not installed.
 */
class LocalChatPageBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path TARGET = Path.of("target");
    private static final String ALICE = "900001";
    private static final String NOAH = "900003";

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static RunningBot bot;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            screenshot("local-chat-failed-" + context.getRequiredTestMethod().getName() + ".png");
        }
    };

    @BeforeAll
    static void startBrowserAndBot() {
        if (!HeadlessChromium.installed()) {
            System.err.println(HeadlessChromium.MISSING); // each test then skips itself with this message
            return;
        }
        chromium = HeadlessChromium.start(1280, 960, TARGET.resolve("chromedriver.log"));
        browser = chromium.driver();
        String unusedInLocalMode = "https://api.telegram.org";
        Map<String, Object> properties = RunningBot.defaults(unusedInLocalMode, TestRedis.uniquePrefix("page"));
        properties.put("telegram.bot-token", "");
        bot = RunningBot.start(properties, null);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @BeforeEach
    void openThePage() {
        HeadlessChromium.assumeInstalled();
        browser.get(bot.baseUrl() + "/");
        waiting().until(d -> d.findElements(By.cssSelector("#user-select option")).size() == 3);
        awaitConnected();
    }

    @Test
    void aDemoUserRenewsAnEsimAndTheReceiptArrivesInTheChatWithoutReload() {
        // GIVEN Alice's chat, started over
        chooseUser(ALICE);
        reset();
        browser.executeScript("window.sameDocument = true");
        // WHEN she starts, opens the Peru eSIM, asks to renew, picks the weekly plan and confirms
        type("/start");
        assertThat(userBubble("/start").findElement(By.className("text")).getText()).isEqualTo("/start");
        botBubble("Your eSIMs");
        tap("Peru 7-Day 3 GB");
        botBubble("Region: Peru");
        assertThat(browser.findElements(By.cssSelector("#messages .msg.bot"))).as("edited in place").hasSize(1);
        tap("Renew");
        botBubble("Renewal plans");
        tap("Peru Weekly 3 GB");
        botBubble("Please check your order");
        tap("Confirm and pay");
        botBubble("Pay on the secure checkout page");
        // AND pays on the checkout page, which the Pay button opens in a new tab
        payInCheckoutTab("Pay $9.99");
        // THEN the receipt arrives in the chat, in the same document
        String receipt = botBubble("Payment received").getText();
        assertThat(receipt).contains("Order: SBX-", "Amount: $9.99", "Plan: Peru Weekly 3 GB", "New expiry:",
                "Restart the device.");
        assertThat(browser.executeScript("return window.sameDocument")).as("no reload").isEqualTo(true);
        assertThat(botBubble("Payment received").findElement(By.tagName("b")).getText())
                .isEqualTo("Payment received — receipt");
        screenshot("local-chat.png");
    }

    @Test
    void afterSwitchingToChineseTheBotAndThePageSpeakChinese() {
        // GIVEN Noah, who has no eSIM yet, started over and switched to Chinese
        chooseUser(NOAH);
        reset();
        browser.findElement(By.id("lang-toggle")).click();
        assertThat(browser.findElement(By.id("send")).getText()).isEqualTo("发送");
        assertThat(browser.findElement(By.id("input")).getAttribute("placeholder")).isEqualTo("输入消息或命令，例如 /start");
        // WHEN he starts
        type("/start");
        // THEN the bot greets him in Chinese, with Telegram's bold rendered
        WebElement greeting = botBubble("您好");
        assertThat(greeting.getText()).contains("您还没有绑定 eSIM");
        assertThat(greeting.findElements(By.tagName("b"))).extracting(WebElement::getText).contains("绑定 eSIM");
        screenshot("local-chat-zh.png");
    }

    @Test
    void anAgentInTheStaffPaneAnswersATicketClosesItAndSeesTheUsersRating() {
        // GIVEN Alice's chat, started over, and the built-in staff group beside it
        chooseUser(ALICE);
        reset();
        WebElement pane = browser.findElement(By.id("staff-pane"));
        waiting().until(d -> pane.isDisplayed());
        // WHEN she asks for a person
        type("/start");
        botBubble("Your eSIMs");
        tap("Talk to a human");
        String opened = botBubble("is open").getText();
        String ticket = opened.replaceAll("(?s).*Ticket #(\\d+).*", "$1");
        // THEN the ticket's topic opens in the pane with the context card
        WebElement tab = waiting().until(d -> selectedTopic());
        assertThat(tab.getText()).startsWith("#" + ticket + " Alice");
        String card = staffBubble("Ticket #" + ticket).getText();
        assertThat(card).contains("900001", "Peru 7-Day");
        // WHEN she writes, and the agent answers and writes an internal note
        type("My data does not work in Lima");
        assertThat(staffPost("My data does not work in Lima").getText()).contains("copy of Alice");
        agentTypes("Please restart your phone, Alice");
        agentTypes("#roaming looks off");
        // THEN she sees the answer and not the note
        botBubble("Please restart your phone, Alice");
        assertThat(staffPost("#roaming looks off").getAttribute("class")).contains("note");
        // WHEN the agent closes the ticket and she rates it
        agentTypes("/close");
        botBubble("How did we do?");
        tap("5 ⭐");
        botBubble("Thank you");
        // THEN the rating appears in the topic
        staffBubble("rated ticket #" + ticket + ": 5/5");
        assertThat(browser.findElements(By.cssSelector("#messages .bubble")))
                .noneMatch(b -> b.getText().contains("#roaming"));
        screenshot("local-staff.png");
    }

    @Test
    void theBotsHtmlKeepsOnlyTelegramsTagsAndShowsEverythingElseAsText() {
        String html = "<b>bold</b> <i>it</i> <u>u</u> <s>s</s> <code>c</code> <pre>p</pre> "
                + "<a href=\"https://example.com/ok\">ok</a>\n<script>window.pwned=1</script>"
                + "<img src=x onerror=\"window.pwned=1\"><a href=\"javascript:window.pwned=1\">js</a>"
                + " &lt;b&gt;not bold&lt;/b&gt; <blink>x</blink>";

        @SuppressWarnings("unchecked")
        List<Object> rendered = (List<Object>) browser.executeScript("""
                const box = document.createElement('div');
                box.appendChild(TelegramHtml.render(arguments[0]));
                document.body.appendChild(box);
                const elements = [...box.querySelectorAll('*')].map(e => e.localName + (e.href ? ' ' + e.href : ''));
                return [elements, box.textContent];""", html);

        assertThat((List<Object>) rendered.get(0))
                .containsExactly("b", "i", "u", "s", "code", "pre", "a https://example.com/ok");
        assertThat((String) rendered.get(1)).contains("ok\n<script>window.pwned=1</script>",
                "<img src=x onerror=\"window.pwned=1\">", "<a href=\"javascript:window.pwned=1\">js</a>",
                "<b>not bold</b>", "<blink>x</blink>");
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    private static void chooseUser(String id) {
        new Select(browser.findElement(By.id("user-select"))).selectByValue(id);
        awaitConnected();
    }

    /** Reset answers, then the page reconnects to the (now empty) chat. */
    private static void reset() {
        browser.findElement(By.id("reset")).click();
        awaitConnected();
        assertThat(browser.findElements(By.cssSelector("#messages .msg"))).isEmpty();
    }

    private static void awaitConnected() {
        waiting().until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "online"));
    }

    private static void type(String text) {
        browser.findElement(By.id("input")).sendKeys(text, Keys.ENTER);
    }

    /** Taps the newest inline button whose label contains this text. */
    private static void tap(String label) {
        waiting().until(d -> {
            List<WebElement> buttons = d.findElements(By.cssSelector(".keyboard button"));
            for (int i = buttons.size() - 1; i >= 0; i--) {
                if (buttons.get(i).getText().contains(label)) {
                    buttons.get(i).click();
                    return true;
                }
            }
            return false;
        });
    }

    private static void agentTypes(String text) {
        browser.findElement(By.id("staff-input")).sendKeys(text, Keys.ENTER);
    }

    private static WebElement selectedTopic() {
        return browser.findElements(By.cssSelector("#topics .topic-tab[aria-selected=true]")).stream()
                .filter(t -> t.getText().startsWith("#")).findFirst().orElse(null);
    }

    /** A bubble in the selected topic of the staff pane. */
    private static WebElement staffBubble(String containing) {
        return bubble("#staff-log .topic-log:not([hidden]) .bubble", containing);
    }

    /** A post (sender line and bubble) in the selected topic of the staff pane. */
    private static WebElement staffPost(String containing) {
        return bubble("#staff-log .topic-log:not([hidden]) .msg", containing);
    }

    private static WebElement botBubble(String containing) {
        return bubble("#messages .bubble.bot", containing);
    }

    private static WebElement userBubble(String containing) {
        return bubble("#messages .bubble.user", containing);
    }

    private static WebElement bubble(String selector, String containing) {
        return waiting().until(d -> d.findElements(By.cssSelector(selector)).stream()
                .filter(b -> b.getText().contains(containing)).reduce((first, second) -> second).orElse(null));
    }

    /** Clicks the URL button, pays in the tab it opened, closes that tab and returns to the chat. */
    private static void payInCheckoutTab(String payButton) {
        String chat = browser.getWindowHandle();
        WebElement button = waiting().until(d -> d.findElements(By.cssSelector(".keyboard button.url")).stream()
                .filter(b -> b.getText().contains(payButton)).findFirst().orElse(null));
        assertThat(button.getText()).endsWith("↗");
        button.click();
        waiting().until(ExpectedConditions.numberOfWindowsToBe(2));
        String checkout = browser.getWindowHandles().stream().filter(h -> !h.equals(chat)).findFirst().orElseThrow();
        browser.switchTo().window(checkout);
        assertThat(browser.getCurrentUrl()).contains("/sandbox/checkout/");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.pay"))).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        browser.close();
        browser.switchTo().window(chat);
    }

    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void screenshot(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(TARGET);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), TARGET.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
