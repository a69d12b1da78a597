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

    /** The sign-in form's CSRF token, as its hidden field and its cookie carry it. */
    public record Form(String field, String cookie) {
    }

    private ConsoleSignIn() {
    }

    public static Form open(RequestSpecification request) {
        Response page = request.when().get("/console/login");
        Matcher field = CSRF_FIELD.matcher(page.asString());
        if (page.statusCode() != 200 || !field.find()) {
            throw new AssertionError("the sign-in form did not render a CSRF field: " + page.statusCode());
        }
        return new Form(field.group(1), page.getCookie(LOGIN_CSRF_COOKIE));
    }

    /** Opens the form and posts the token with it, not following the redirect. */
    public static Response submit(Supplier<RequestSpecification> requests, String token) {
        Form form = open(requests.get());
        return requests.get().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(LOGIN_CSRF_COOKIE, form.cookie()).formParam("csrf", form.field()).formParam("token", token)
                .when().post("/console/login");
    }
}
