// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.Optional;
import java.util.UUID;
import vn.ytcs.core.assessment.Assessment;
import vn.ytcs.core.assessment.AssessmentAnswer;
import vn.ytcs.core.figures.CommuneYear;
import vn.ytcs.core.hamlet.Hamlet;
import vn.ytcs.core.hamlet.HamletWorker;
import vn.ytcs.core.staff.StaffMember;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.core.unit.UnitSuccession;

/**
 * Writes register records inside one transaction (see {@link Store#write}). A save creates the
 * record or changes the fields that differ; each change gets a new version and audit rows.
 * Every record is first checked against the rules of its kind ({@link vn.ytcs.core.record.RecordKinds}),
 * answers against their indicators in the store's catalogs: a record that breaks one is refused
 * with a {@link StoreException} whose {@link StoreException#problems() problems} name each field,
 * and nothing of the transaction is written. Text is stored stripped and in NFC.
 */
public interface RegisterWriter {

    void save(Unit unit);

    void save(UnitSuccession succession);

    void save(Station station);

    void save(StaffMember member);

    void save(Hamlet hamlet);

    void save(HamletWorker worker);

    void save(CommuneYear figures);

    void save(Assessment assessment);

    void save(AssessmentAnswer answer);

    /**
     * Saves a record of any declared kind (see {@code vn.ytcs.core.record.RecordKinds}), checked
     * against its kind's rules like every save.
     */
    void saveRecord(Object record);

    /** Saves a Directive 25 target, replacing the one with the same code. */
    void save(vn.ytcs.core.directive.Target target);

    /**
     * Sets the whole set of Directive 25 targets: each is saved, and every live target whose code
     * is not among them becomes a tombstone (so that the removal syncs too). Returns how many
     * were removed.
     */
    int replaceTargets(java.util.List<vn.ytcs.core.directive.Target> targets);

    /**
     * Creates records known to be new, in batches: units, successions, stations, staff, hamlets,
     * workers, figures, assessments and answers, in an order where parents come first. Every
     * problem of every record is reported at once.
     */
    void createAll(java.util.List<?> records);

    /** Sites and peer state in the same transaction: what was exchanged lands with what it reports. */
    vn.ytcs.core.site.SiteService sites();

    /** Sync's access to the same transaction. */
    SyncStore sync();

    /** Number of live administrative units in the database. */
    int unitCount();

    Optional<String> meta(String key);

    void putMeta(String key, String value);

    /**
     * Saves a record of the kind given as its field values (stored values, as {@code RecordKind#values}
     * gives them), checked like every save: what an undo writes back.
     */
    void saveValues(vn.ytcs.core.record.RecordKind<?> kind, UUID id, java.util.Map<String, Object> values);

    /** Marks a record of the kind as deleted (a tombstone; nothing is removed). */
    void delete(vn.ytcs.core.record.RecordKind<?> kind, UUID id);
}
