package fr.formaflow.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through chromium-driver, with a profile of its own; every journey saves its
 * screenshots under target/e2e-screenshots/&lt;journey&gt;/. The browser is French, as our users' are (form-js writes
 * dates in the browser's language).
 */
public final class Browser implements AutoCloseable {

    // generous: a loaded 2-core CI machine takes seconds to render Tasklist after a login
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private final Path screenshots;
    private int shot;
    /** The clicks a user would make: buttons, links, choices, tasks in the list; a file chosen counts two (open, pick). */
    private int clicks;
    /** Clicks counted before the last {@link #resetClicks()}: the journey's whole count is written when it ends. */
    private int clicksBefore;
    /** What {@link #screenshot} found on the journey's pages: reported all at once when the journey ends. */
    private final List<String> unfit = new ArrayList<>();

    public Browser(String baseUrl, String journey) {
        this.baseUrl = baseUrl;
        this.screenshots = Path.of("target", "e2e-screenshots", journey);
        try {
            this.profile = Files.createTempDirectory("formaflow-e2e-chromium");
            if (Files.isDirectory(screenshots)) {
                try (var old = Files.list(screenshots)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("formaflow.e2e.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=fr-FR");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("formaflow.e2e.chromedriver", "/usr/bin/chromedriver")).toFile())
                // headless chromium takes its locale (navigator.language, Intl) from the environment, not from --lang
                .withEnvironment(java.util.Map.of("LANGUAGE", "fr", "LANG", "fr_FR.UTF-8"))
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Opens a page of a Camunda webapp and waits until the application has started. On a loaded machine the webapp's
     * script loader can give up while it starts, leaving a blank page or its spinner: reload, as a user would.
     */
    public void openWebapp(String path) {
        open(path);
        for (int attempt = 1; ; attempt++) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> pageText().contains("Formaflow"));
                return;
            } catch (TimeoutException stillLoading) {
                if (attempt == 3) {
                    screenshot("webapp-jamais-chargee");
                    throw new AssertionError("The webapp never started at " + path + "; the page shows:\n" + pageText(), stillLoading);
                }
                driver.navigate().refresh();
            }
        }
    }

    /** Logs in to a webapp (tasklist, cockpit, admin) through its own login page. */
    public void login(String webapp, String user, String password) {
        open("/camunda/app/" + webapp + "/default/");
        WebElement username = visible(By.cssSelector("input[ng-model=username]"));
        screenshot("connexion-" + webapp);
        username.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        openWebapp("/camunda/app/" + webapp + "/default/");
    }

    /** Forgets the session (the next login starts afresh). */
    public void logout() {
        openWebapp("/camunda/app/tasklist/default/");
        WebElement account = visible(By.cssSelector(".account .dropdown-toggle"));
        account.click();
        click("Se déconnecter");
        visible(By.cssSelector("input[ng-model=username]"));
    }

    public WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page shows this text somewhere. */
    public void waitForText(String text) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> pageText().contains(text));
        } catch (TimeoutException e) {
            screenshot("echec-" + text.replaceAll("[^\\p{L}0-9]+", "-"));
            throw new AssertionError("The page never showed « " + text + " »; it shows:\n" + pageText(), e);
        }
    }

    /** What the page shows, the values of its inputs and text areas included. */
    public String pageText() {
        return (String) driver.executeScript("return document.body.innerText + '\\n' + Array.from("
                + "document.querySelectorAll('input:not([type=hidden]):not([type=password]), textarea')).map(e => e.value).join('\\n');");
    }

    /** The visible button or link whose text contains this. */
    public WebElement button(String text) {
        By by = By.xpath("//*[(self::button or self::a) and contains(normalize-space(.), " + xpathLiteral(text) + ")]");
        try {
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(by).stream().filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null));
        } catch (TimeoutException e) {
            screenshot("echec-bouton-" + text.replaceAll("[^\\p{L}0-9]+", "-"));
            Object invalid = driver.executeScript("return Array.from(document.querySelectorAll('.fjs-has-errors, [aria-invalid=true]'))"
                    + ".map(e => (e.id || e.className) + ' => ' + e.innerText).join('\\n');");
            throw new AssertionError("No enabled button « " + text + " »; invalid fields:\n" + invalid + "\nthe page shows:\n" + pageText(), e);
        }
    }

    public void click(String text) {
        WebElement element = button(text);
        scrollTo(element);
        element.click();
        clicks++;
    }

    /** How many clicks the journey has made since the last {@link #resetClicks()}. */
    public int clicks() {
        return clicks;
    }

    public void resetClicks() {
        clicksBefore += clicks;
        clicks = 0;
    }

    /** Chooses a file in a file input, as a user does: a click opens the chooser, a second picks the file. */
    public void upload(WebElement fileInput, Path file) {
        scrollTo(fileInput);
        fileInput.sendKeys(file.toAbsolutePath().toString());
        clicks += 2;
    }

    /** Clicks this element (found by the journey), counted as a click. */
    public void click(WebElement element) {
        scrollTo(element);
        element.click();
        clicks++;
    }

    /** Lets form-js apply the last keystrokes (its inputs are debounced) before the form is read. */
    public void settle() {
        try {
            Thread.sleep(800);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no visible button or link shows this text any more. */
    public void waitUntilGone(String text) {
        By by = By.xpath("//*[(self::button or self::a) and contains(normalize-space(.), " + xpathLiteral(text) + ")]");
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(by).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Types into the input of this id (Formaflow's own pages). */
    public void fill(String id, String value) {
        WebElement input = visible(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Chooses the option of this select whose text contains this. */
    public void select(String id, String optionText) {
        visible(By.xpath("//select[@id=" + xpathLiteral(id) + "]/option[contains(., " + xpathLiteral(optionText) + ")]")).click();
    }

    /** Clicks, in Tasklist's list, the task of this name whose dossier columns show this contract number. */
    public void clickTaskInList(String contractNumber, String taskName) {
        By ofDossier = By.xpath("//li[contains(@class, 'task') and contains(., " + xpathLiteral(contractNumber) + ")]"
                + "//a[contains(normalize-space(.), " + xpathLiteral(taskName) + ")]");
        // tasks of the monthly sub-processes do not show the dossier's columns to every role: then the first of that name
        By anyOfThatName = By.xpath("//li[contains(@class, 'task')]//a[contains(normalize-space(.), " + xpathLiteral(taskName) + ")]");
        WebElement link = new WebDriverWait(driver, WAIT).until(d -> d.findElements(ofDossier).stream().findFirst()
                .orElse(d.findElements(anyOfThatName).stream().findFirst().orElse(null)));
        scrollTo(link);
        link.click();
        clicks++;
    }

    /** The form-js field whose label contains this text (Camunda Forms in Tasklist). */
    public WebElement field(String label) {
        By by = By.xpath("//label[contains(normalize-space(.), " + xpathLiteral(label) + ")]");
        WebElement labelElement = visible(by);
        String id = labelElement.getDomAttribute("for");
        WebElement input = id != null && !id.isBlank() ? driver.findElement(By.id(id))
                : labelElement.findElement(By.xpath("following::*[self::input or self::textarea or self::select][1]"));
        scrollTo(input);
        return input;
    }

    public void type(String label, String value) {
        replace(field(label), value);
    }

    /**
     * Replaces an input's text by selecting it and typing over it: emptying a required form-js field first would leave
     * Tasklist believing the form invalid.
     */
    public void replace(WebElement input, String value) {
        scrollTo(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        input.sendKeys(value);
    }

    /** Checks the form-js radio button or checkbox whose label contains this text. */
    public void choose(String label) {
        WebElement input = field(label);
        if (!input.isSelected()) {
            driver.executeScript("arguments[0].click();", input);
            clicks++;
        }
    }

    public void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Types into Tasklist's search box and presses Enter, as a user looking for a dossier would. */
    public void searchTasks(String text) {
        WebElement input = visible(By.cssSelector("[cam-widget-search] input.main-field"));
        scrollTo(input);
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** The name of the filter Tasklist shows as chosen (the one a user lands on after logging in), without its count. */
    public String activeFilter() {
        return visible(By.cssSelector(".task-filter.active .name")).getText().trim().replaceAll("\\s*\\d+$", "");
    }

    /**
     * Waits until the form-js field whose label contains this shows this message in its own error area (form-js's
     * message or Formaflow's), and returns what that area says.
     */
    public String waitForFieldError(String label, String message) {
        By field = By.xpath("//*[contains(@class, 'fjs-form-field') and .//label[contains(normalize-space(.), " + xpathLiteral(label) + ")]]"
                + "//*[(contains(@class, 'fjs-form-field-error') or contains(@class, 'formaflow-field-error'))"
                + " and contains(normalize-space(.), " + xpathLiteral(message) + ")]");
        try {
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(field).stream().filter(WebElement::isDisplayed).map(WebElement::getText).findFirst().orElse(null));
        } catch (TimeoutException e) {
            screenshot("echec-erreur-" + label.replaceAll("[^\\p{L}0-9]+", "-"));
            throw new AssertionError("The field « " + label + " » never showed « " + message + " »; the page shows:\n" + pageText(), e);
        }
    }

    /**
     * Saves a PNG of the whole window, numbered in the journey's order, and checks the page as every user should get
     * it: in French (no English word shown or read out, {@code html lang="fr"}) and without a serious or critical
     * accessibility violation (axe-core). What a page lacks fails the journey when it ends ({@link #close}), with
     * every page's findings. Screenshots taken because a step failed are not checked.
     */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!name.startsWith("echec") && !name.equals("webapp-jamais-chargee")) {
            checkFrenchAndAccessible(file);
        }
        return file;
    }

    private void checkFrenchAndAccessible(Path screenshot) {
        List<String> problems = new ArrayList<>();
        Object lang = driver.executeScript("return document.documentElement.lang;");
        if (!String.valueOf(lang).startsWith("fr")) {
            problems.add("<html lang=\"" + lang + "\">, not fr");
        }
        String shown = shownAndReadOut();
        Set<String> english = FrenchOnly.englishWords(shown);
        if (!english.isEmpty()) {
            problems.add("English words: " + english + " in:\n" + shown);
        }
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        for (Rule rule : axe.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add("axe " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                        + rule.getNodes().stream().map(node -> node.getTarget() + " " + node.getHtml()).limit(5).toList());
            }
        }
        if (!problems.isEmpty()) {
            unfit.add(screenshot.getFileName() + " at " + driver.getCurrentUrl() + ":\n" + String.join("\n", problems));
        }
    }

    /**
     * The page's visible text and what a screen reader reads out of its visible elements (aria-label, placeholder,
     * title, alt); not the values users typed.
     */
    private String shownAndReadOut() {
        return (String) driver.executeScript("""
                const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
                const labels = Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]'))
                    .filter(visible)
                    .flatMap(e => ['aria-label', 'placeholder', 'title', 'alt'].map(a => e.getAttribute(a)).filter(v => v));
                return document.body.innerText + '\\n' + labels.join('\\n');""");
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** Ends the browser; fails if a page of the journey was not French or not accessible. */
    @Override
    public void close() {
        driver.quit();
        // the journey's clicks, logins left out (README, « Tasklist in French and browser tests »)
        try {
            Files.writeString(screenshots.resolve("journey-clicks.txt"), (clicksBefore + clicks) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unfit.isEmpty()) {
            deleteProfile();
            throw new AssertionError("Pages not fit for our users (English, or axe-core's serious or critical violations):\n\n"
                    + String.join("\n\n", unfit));
        }
        deleteProfile();
    }

    private void deleteProfile() {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
