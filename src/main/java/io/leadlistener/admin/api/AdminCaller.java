package io.leadlistener.admin.api;

import io.leadlistener.admin.AccessPolicy;
import io.leadlistener.admin.AdminCredential;
import io.leadlistener.admin.Role;
import io.leadlistener.rest.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling the admin API in this request: the credential presented (its name, never its token). */
@RequestScoped
public class AdminCaller {

    private AdminCredential credential;

    /** The credential's name, as audit rows record it. */
    public String name() {
        return credential().name();
    }

    public AdminCredential credential() {
        if (credential == null) {
            throw new IllegalStateException("no authenticated admin caller in this request");
        }
        return credential;
    }

    /**
     * For routes that name their tenant in the body rather than the path: 403, naming what is missing, unless the
     * credential may act there with this role.
     */
    public void requireAccess(Role required, String tenant) {
        AccessPolicy.refusal(credential(), required, tenant).ifPresent(refusal -> {
            throw new ProblemException(403, refusal.slug(), "Forbidden", refusal.detail(), refusal.missing());
        });
    }

    void authenticatedAs(AdminCredential credential) {
        this.credential = credential;
    }
}
