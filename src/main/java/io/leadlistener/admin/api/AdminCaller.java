package io.leadlistener.admin.api;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling the admin API in this request: the configured name of the token presented (never the token). */
@RequestScoped
public class AdminCaller {

    private String name;

    public String name() {
        if (name == null) {
            throw new IllegalStateException("no authenticated admin caller in this request");
        }
        return name;
    }

    void authenticatedAs(String tokenName) {
        this.name = tokenName;
    }
}
