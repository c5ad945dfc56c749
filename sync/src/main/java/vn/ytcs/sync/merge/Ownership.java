// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.merge;

import java.util.UUID;
import java.util.function.Function;
import vn.ytcs.core.record.RecordKinds;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.store.RecordState;

/**
 * Who may change what (docs/decisions/0006-ownership.md). A district (or regional centre) owns
 * the register it keeps: the records it created. The province owns the standard's catalogs, the
 * Directive 25 targets, the vùng and socio-economic region of each commune, and recognition
 * decisions. The province supervises and relays: its changes of a district's own fields apply
 * at other sites, but reach the owner as proposals, which the owner accepts or not.
 */
public final class Ownership {

    private final UUID local;
    private final Function<UUID, SiteRole> roles;

    /**
     * @param local this site
     * @param roles the role this site has recorded for a site (trusted, or met through relays:
     *              then a district, the least a site may do)
     */
    public Ownership(UUID local, Function<UUID, SiteRole> roles) {
        this.local = local;
        this.roles = roles;
    }

    /** Whether the field is the province's to set, whoever owns the record. */
    public static boolean provinceField(String kind, String field, Object value) {
        return RecordKinds.provinceField(kind, field, value);
    }

    /**
     * Whether the site may create a record of the kind. A new record's first values are its
     * creator's, province fields included (a district registers a commune with the vùng it has);
     * after that those fields change only by the province.
     */
    public boolean mayCreate(String kind, UUID author) {
        return !RecordKinds.provinceKind(kind) || roles.apply(author) == SiteRole.PROVINCE;
    }

    /** Whether the site may make this change at all, wherever it arrives. */
    public boolean mayChange(String kind, UUID owner, String field, Object value, UUID author) {
        boolean province = roles.apply(author) == SiteRole.PROVINCE;
        if (provinceField(kind, field, value)) {
            return province;
        }
        return author.equals(owner) || province;
    }

    /**
     * Whether a change stamped by {@code author} applies here without the owner's word: at the
     * owner itself, only its own changes and the province's own fields do; elsewhere any change
     * its author may make.
     */
    public boolean applies(RecordState record, String field, Object value, UUID author) {
        if (!mayChange(record.kind(), record.owner(), field, value, author)) {
            return false;
        }
        return !record.owner().equals(local) || author.equals(local) || provinceField(record.kind(), field, value);
    }

    /** Whether this site may stamp the field anew, to make the value it keeps win everywhere. */
    public boolean mayRestamp(RecordState record, String field) {
        return mayChange(record.kind(), record.owner(), field, record.fields().get(field), local);
    }
}
