// SPDX-License-Identifier: Apache-2.0
/**
 * District ⇄ province packages: format, export, verify, preview, apply, conflicts, site keys.
 * Depends on {@code core}; never on JavaFX.
 */
package vn.ytcs.sync;
