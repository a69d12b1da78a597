package io.leadlistener.architecture.violations.lead;

/** Breaks httpOnlyAtTheEdge: domain code deciding an HTTP status. */
class DomainAnsweringWithHttp {
    Object refuse() {
        return jakarta.ws.rs.core.Response.status(409).build();
    }
}
