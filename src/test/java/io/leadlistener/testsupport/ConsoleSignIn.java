package io.leadlistener.testsupport;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the console's form as a browser does: open the form (its CSRF cookie and field), then post it. */
public final class ConsoleSignIn {

    public static final String LOGIN_CSRF_COOKIE = "ll_login_csrf";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAGE_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile("^([^=]+)=([^;]*)");

    /** The sign-in form's CSRF token, as its hidden field and its cookie carry it. */
    public record Form(String field, String cookie) {
    }

    private ConsoleSignIn() {
    }

    public static Form open(RequestSpecification request) {
        Response page = request.when().get("/console/login");
        if (page.statusCode() != 200) {
            throw new AssertionError("the sign-in form answered " + page.statusCode());
        }
        return new Form(formCsrf(page.asString()), page.getCookie(LOGIN_CSRF_COOKIE));
    }

    /** The sign-in form's CSRF field in its HTML. */
    public static String formCsrf(String loginPage) {
        return group(CSRF_FIELD, loginPage, "the sign-in form's CSRF field");
    }

    /** The session's CSRF token as the console page renders it (and the sign-out form sends it). */
    public static String pageCsrf(String consolePage) {
        return group(PAGE_CSRF, consolePage, "the console page's CSRF token");
    }

    /** A cookie's value among {@code Set-Cookie} headers; empty when it is absent or cleared. */
    public static java.util.Optional<String> setCookie(java.util.List<String> setCookieHeaders, String name) {
        return setCookieHeaders.stream().map(SET_COOKIE::matcher).filter(Matcher::find)
                .filter(matcher -> matcher.group(1).equals(name) && !matcher.group(2).isEmpty())
                .map(matcher -> matcher.group(2)).findFirst();
    }

    private static String group(Pattern pattern, String html, String what) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no " + what + " in the page");
        }
        return matcher.group(1);
    }

    /** Opens the form and posts the token with it, not following the redirect. */
    public static Response submit(Supplier<RequestSpecification> requests, String token) {
        Form form = open(requests.get());
        return requests.get().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(LOGIN_CSRF_COOKIE, form.cookie()).formParam("csrf", form.field()).formParam("token", token)
                .when().post("/console/login");
    }
}
