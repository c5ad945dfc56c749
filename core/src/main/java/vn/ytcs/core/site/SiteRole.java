// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.core.site;

/** What an installation is. */
public enum SiteRole {
    DISTRICT, REGIONAL_CENTRE, PROVINCE
}
