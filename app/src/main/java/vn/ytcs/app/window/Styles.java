// SPDX-License-Identifier: Apache-2.0
package vn.ytcs.app.window;

/** CSS class names of app.css, in one place. */
final class Styles {

    static final String TOOLBAR = "ytcs-toolbar";
    /** The toolbar's day selector, its label white on the bar as the others. */
    static final String DAY = "ytcs-day";
    static final String APP_TITLE = "ytcs-app-title";
    static final String DEMO_BADGE = "ytcs-demo-badge";
    static final String SIDEBAR = "ytcs-sidebar";
    static final String TITLE = "ytcs-title";
    static final String SUBTITLE = "ytcs-subtitle";
    static final String SECTION = "ytcs-section";
    static final String FACTS = "ytcs-facts";
    static final String WARNING = "ytcs-warning";
    static final String CARD = "ytcs-card";
    static final String PLACEHOLDER = "ytcs-placeholder";
    static final String PASS = "ytcs-pass";
    static final String FAIL = "ytcs-fail";
    static final String NOTE = "ytcs-note";
    static final String SUBHEADING = "ytcs-subheading";
    static final String WARNING_TEXT = "ytcs-warning-text";
    static final String BAR_OK = "ytcs-bar-ok";
    static final String BAR_LOW = "ytcs-bar-low";
    static final String FINGERPRINT = "ytcs-fingerprint";
    static final String SITE = "ytcs-site";
    static final String EDITOR = "ytcs-editor";
    static final String EDITOR_BAR = "ytcs-editor-bar";

    private Styles() {
    }
}
