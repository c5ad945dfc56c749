// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.hamlet;

import java.util.UUID;

/** A hamlet (ấp, khu vực…) of a commune. */
public record Hamlet(UUID id, UUID communeId, String name, HamletKind kind, Integer households) {
}
