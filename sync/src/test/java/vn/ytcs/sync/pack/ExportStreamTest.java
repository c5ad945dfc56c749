// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.sync.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ytcs.core.demo.DemoLoader;
import vn.ytcs.core.site.SiteRole;
import vn.ytcs.core.station.Station;
import vn.ytcs.core.store.RecordState;
import vn.ytcs.core.store.RegisterWriter;
import vn.ytcs.core.store.Store;
import vn.ytcs.core.unit.Unit;
import vn.ytcs.sync.site.SiteKeys;

/**
 * The export streams rows from JDBC straight to the generator: the records it writes are, byte
 * for byte, what the records the store reads ({@link vn.ytcs.core.store.SyncStore#changesSince})
 * write as JSON, edited fields, tombstones and every type of value among them.
 */
class ExportStreamTest {

    @TempDir
    Path dir;

    @Test
    void theRecordsWrittenAreTheStoredRecordsByteForByte() throws Exception {
        try (Store store = Store.open(dir.resolve("district"))) {
            SiteKeys keys = SiteKeys.loadOrCreate(store, "TTYT huyện Vị Thủy", SiteRole.DISTRICT);
            DemoLoader.load(store, "lan");
            Unit commune = store.units().tree(LocalDate.of(2025, 6, 30)).communes().get(0);
            Station station = store.stations().stationOf(commune.id()).orElseThrow();
            var worker = store.hamlets().workersOf(store.hamlets().hamletsOf(java.util.List.of(commune.id())).stream()
                    .map(h -> h.id()).toList()).get(0);
            store.write("lan", w -> {
                // One field edited after the record's creation (its version listed), one record deleted.
                w.save(new Station(station.id(), station.unitId(), station.name() + " (mới)", station.kind(),
                        station.parentStationId(), station.address(), "0293 \"3\" 851 000", station.familyDoctorModel()));
                w.delete(vn.ytcs.core.record.RecordKinds.HAMLET_WORKER, worker.id());
                return null;
            });

            Path file = PackageWriter.export(store, keys, null, true, Files.createDirectories(dir.resolve("stick")), false).file();

            String json = Files.readString(file, StandardCharsets.UTF_8);
            String written = json.substring(json.indexOf("\"records\":") + "\"records\":".length(), json.indexOf(",\"audit\":"));
            StringWriter expected = new StringWriter();
            Set<String> ids = new HashSet<>();
            try (JsonGenerator out = new JsonFactory().createGenerator(expected)) {
                out.writeStartArray();
                store.sync().changesSince(0, s -> {
                    write(out, s);
                    ids.add(s.id().toString());
                });
                out.writeEndArray();
            }
            assertEquals(expected.toString(), written);
            assertTrue(written.contains("\"phone\":\"0293 \\\"3\\\" 851 000\""), "text is escaped");
            assertTrue(written.contains("\"fieldVersions\":{\"address\":"), "the fields left as they were before the edit are listed");

            JsonNode audit = new ObjectMapper().readTree(json).path("payload").path("audit");
            Set<String> audited = new HashSet<>();
            boolean edit = false;
            for (JsonNode e : audit) {
                audited.add(e.path("recordId").asText());
                edit |= e.path("recordId").asText().equals(station.id().toString()) && e.path("field").asText().equals("name")
                        && e.path("newValue").asText().endsWith("(mới)");
            }
            assertEquals(ids, audited, "every record's history travels with it, and nothing else");
            assertTrue(edit, "the edit's audit entry is there");
        }
    }

    /** The package's record object, written from a record the store read (the form export wrote before it streamed). */
    private static void write(JsonGenerator out, RecordState s) {
        try {
            out.writeStartObject();
            out.writeStringField("kind", s.kind());
            out.writeStringField("id", s.id().toString());
            out.writeStringField("owner", s.owner().toString());
            out.writeStringField("version", s.version());
            out.writeBooleanField("deleted", s.deleted());
            out.writeObjectFieldStart("fields");
            for (var e : s.fields().entrySet()) {
                out.writeFieldName(e.getKey());
                Object v = e.getValue();
                if (v == null) {
                    out.writeNull();
                } else if (v instanceof Boolean b) {
                    out.writeBoolean(b);
                } else if (v instanceof Integer i) {
                    out.writeNumber(i);
                } else if (v instanceof Long l) {
                    out.writeNumber(l);
                } else if (v instanceof BigDecimal d) {
                    out.writeNumber(d);
                } else {
                    out.writeString(v.toString());
                }
            }
            out.writeEndObject();
            out.writeObjectFieldStart("fieldVersions");
            for (var e : s.fieldVersions().entrySet()) {
                if (!e.getValue().equals(s.version())) {
                    out.writeStringField(e.getKey(), e.getValue());
                }
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
