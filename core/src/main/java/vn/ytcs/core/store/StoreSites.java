// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import vn.ytcs.core.site.Site;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.site.SiteService;
import vn.ytcs.core.store.jooq.tables.records.PeerStateRecord;
import vn.ytcs.core.store.jooq.tables.records.SiteRecord;
import vn.ytcs.core.text.VietText;

import static vn.ytcs.core.store.jooq.Tables.PEER_STATE;
import static vn.ytcs.core.store.jooq.Tables.SITE;

/** Sites and peer state, in the store's database. Site rows are local knowledge, not synced records. */
final class StoreSites implements SiteService {

    private final DSLContext ctx;
    /** Run before each write: outside a write transaction, it opens the store for writing. */
    private final Runnable beforeWrite;

    StoreSites(DSLContext ctx) {
        this(ctx, () -> { });
    }

    StoreSites(DSLContext ctx, Runnable beforeWrite) {
        this.ctx = ctx;
        this.beforeWrite = beforeWrite;
    }

    static Site site(SiteRecord r) {
        return new Site(r.getId(), r.getName(), SiteRole.valueOf(r.getRole()), r.getIsLocal(), r.getPublicKey(),
                r.getFingerprint(), r.getIsLocal() || r.getTrusted());
    }

    @Override
    public Site local() {
        return ctx.selectFrom(SITE).where(SITE.IS_LOCAL.isTrue()).fetchSingle(StoreSites::site);
    }

    @Override
    public Optional<Site> byId(UUID id) {
        return ctx.selectFrom(SITE).where(SITE.ID.eq(id)).fetchOptional(StoreSites::site);
    }

    @Override
    public List<Site> remotes() {
        return ctx.selectFrom(SITE).where(SITE.IS_LOCAL.isFalse()).orderBy(SITE.NAME).fetch(StoreSites::site);
    }

    @Override
    public Site configureLocal(String name, SiteRole role, String publicKey, String fingerprint) {
        beforeWrite.run();
        ctx.update(SITE).set(SITE.NAME, VietText.nfc(name.strip())).set(SITE.ROLE, role.name())
                .set(SITE.PUBLIC_KEY, publicKey).set(SITE.FINGERPRINT, fingerprint)
                .where(SITE.IS_LOCAL.isTrue()).execute();
        return local();
    }

    @Override
    public Site trust(UUID id, String name, SiteRole role, String publicKey, String fingerprint) {
        beforeWrite.run();
        SiteRecord row = ctx.selectFrom(SITE).where(SITE.ID.eq(id)).fetchOne();
        if (row == null) {
            row = ctx.newRecord(SITE);
            row.setId(id);
            row.setIsLocal(false);
            row.setCreatedAt(OffsetDateTime.now());
        } else if (row.getIsLocal()) {
            throw new StoreException(StoreException.Reason.INVALID_RECORD, "site " + id + " is this installation", null);
        }
        row.setName(VietText.nfc(name.strip()));
        row.setRole(role.name());
        row.setPublicKey(publicKey);
        row.setFingerprint(fingerprint);
        row.setTrusted(true);
        row.store();
        return site(row);
    }

    @Override
    public PeerState peer(UUID site) {
        PeerStateRecord r = ctx.selectFrom(PEER_STATE).where(PEER_STATE.SITE_ID.eq(site)).fetchOne();
        return r == null ? new PeerState(site, 0, 0, 0)
                : new PeerState(site, r.getLastSent(), r.getLastReceived(), r.getAcknowledged());
    }

    @Override
    public void savePeer(PeerState state) {
        beforeWrite.run();
        ctx.mergeInto(PEER_STATE)
                .using(ctx.selectOne())
                .on(PEER_STATE.SITE_ID.eq(state.site()))
                .whenMatchedThenUpdate()
                .set(PEER_STATE.LAST_SENT, state.lastSent())
                .set(PEER_STATE.LAST_RECEIVED, state.lastReceived())
                .set(PEER_STATE.ACKNOWLEDGED, state.acknowledged())
                .whenNotMatchedThenInsert(PEER_STATE.SITE_ID, PEER_STATE.LAST_SENT, PEER_STATE.LAST_RECEIVED,
                        PEER_STATE.ACKNOWLEDGED)
                .values(state.site(), state.lastSent(), state.lastReceived(), state.acknowledged())
                .execute();
    }
}
