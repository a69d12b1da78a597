package io.leadlistener.admin.console;

/**
 * The console's HTML shells. Everything dynamic in them is escaped here; customer text never reaches these pages
 * (the page's script inserts it with {@code textContent}).
 */
final class ConsolePages {

    private ConsolePages() {
    }

    static String language(String query, String cookie) {
        String chosen = query != null ? query : cookie;
        return "en".equals(chosen) ? "en" : "zh";
    }

    static String login(String lang, boolean refused) {
        boolean en = "en".equals(lang);
        return """
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <link rel="stylesheet" href="/console/console.css"></head><body class="login">
                <form method="post" action="/console/login" id="login-form"><h1>%s</h1>%s
                <label>%s <input type="password" name="token" id="token" autocomplete="current-password" required></label>
                <button type="submit" id="sign-in">%s</button>
                <p><a href="?lang=zh">中文</a> · <a href="?lang=en">English</a></p></form></body></html>
                """.formatted(en ? "en" : "zh-CN", en ? "Rules console — sign in" : "规则控制台 — 登录",
                en ? "Rules console" : "规则控制台",
                refused ? "<p class=\"error\" id=\"login-error\">" + (en ? "That token is not a valid admin token."
                        : "该令牌不是有效的管理令牌。") + "</p>" : "",
                en ? "Admin token" : "管理令牌", en ? "Sign in" : "登录");
    }

    static String console(ConsoleSessions.Session session, String lang) {
        return """
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>Rules console</title>
                <meta name="csrf-token" content="%s"><meta name="console-user" content="%s">
                <link rel="stylesheet" href="/console/console.css"></head>
                <body data-lang="%s"><header><strong data-i18n="title"></strong>
                <span id="user"></span>
                <a href="?lang=zh">中文</a> · <a href="?lang=en">English</a>
                <form method="post" action="/console/logout" class="inline"><button id="logout" data-i18n="logout"></button></form>
                </header><main id="app"></main>
                <script type="module" src="/console/console.js"></script></body></html>
                """.formatted("en".equals(lang) ? "en" : "zh-CN", escape(session.csrfToken()),
                escape(session.tokenName()), escape(lang));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
