package io.leadlistener.kf;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The persisted {@code kf/sync_msg} cursor of each 客服账号 ({@code kf_cursor}, migration V5). */
@ApplicationScoped
public class KfCursorStore {

    private final TransactionJdbc jdbc;

    public KfCursorStore(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The cursor after the last stored page, empty before the first pull (WeCom then starts at the oldest). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> current(String tenantId, String openKfId) {
        return jdbc.query("select cursor from kf_cursor where tenant_id = ? and open_kfid = ?", statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, openKfId);
        }, row -> row.getString(1)).stream().findFirst();
    }

    /** Must run in the transaction that stores the page the cursor was returned with. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String tenantId, String openKfId, String cursor) {
        jdbc.update("""
                        insert into kf_cursor (tenant_id, open_kfid, cursor) values (?, ?, ?)
                        on conflict (tenant_id, open_kfid) do update set cursor = excluded.cursor, updated_at = now()
                        """, statement -> {
            statement.setString(1, tenantId);
            statement.setString(2, openKfId);
            statement.setString(3, cursor);
        });
    }
}
