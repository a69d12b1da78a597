package io.leadlistener.kf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The persisted {@code kf/sync_msg} cursor of each 客服账号 ({@code kf_cursor}, migration V5). */
@ApplicationScoped
public class KfCursorStore {

    private final EntityManager entityManager;

    public KfCursorStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The cursor after the last stored page, empty before the first pull (WeCom then starts at the oldest). */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> current(String tenantId, String openKfId) {
        List<String> rows = entityManager.createNativeQuery(
                        "select cursor from kf_cursor where tenant_id = :tenant and open_kfid = :kf")
                .setParameter("tenant", tenantId)
                .setParameter("kf", openKfId)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Must run in the transaction that stores the page the cursor was returned with. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String tenantId, String openKfId, String cursor) {
        entityManager.createNativeQuery("""
                        insert into kf_cursor (tenant_id, open_kfid, cursor) values (:tenant, :kf, :cursor)
                        on conflict (tenant_id, open_kfid) do update set cursor = excluded.cursor, updated_at = now()
                        """)
                .setParameter("tenant", tenantId)
                .setParameter("kf", openKfId)
                .setParameter("cursor", cursor)
                .executeUpdate();
    }
}
