// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.store;

import java.util.Map;
import java.util.UUID;

/**
 * A synced record as sync sees it: its kind, identity, owner and version, and its fields by
 * lower-case column name with typed Java values (String, Integer, Long, Boolean, BigDecimal,
 * UUID, LocalDate, OffsetDateTime) and the version at which each last changed ("deleted"
 * included).
 */
public record RecordState(String kind, UUID id, UUID owner, String version, boolean deleted,
                          Map<String, Object> fields, Map<String, String> fieldVersions) {
}
