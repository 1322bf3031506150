package dev.preflight.manifest;

import java.util.Map;

/** Namespaces and host names of the add-in-only XML manifest (OfficeApp). */
final class OfficeXml {
    static final String APP_1_0 = "http://schemas.microsoft.com/office/appforoffice/1.0";
    static final String APP_1_1 = "http://schemas.microsoft.com/office/appforoffice/1.1";
    static final String BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    static final String TASKPANE_VO = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
    static final String CONTENT_VO = "http://schemas.microsoft.com/office/contentappversionoverrides";
    static final String MAIL_VO_1_0 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    static final String MAIL_VO_1_1 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";

    /** Base-manifest {@code Host Name} and VersionOverrides {@code Host xsi:type} -> the snapshot's host names. */
    static final Map<String, String> HOSTS = Map.of(
            "Document", "word", "Workbook", "excel", "Presentation", "powerpoint", "Mailbox", "outlook",
            "MailHost", "outlook", "Notebook", "onenote", "Project", "project", "Database", "access");

    private OfficeXml() {
    }

    static boolean isApp(String ns) {
        return APP_1_0.equals(ns) || APP_1_1.equals(ns);
    }

    static boolean isVersionOverrides(String ns) {
        return TASKPANE_VO.equals(ns) || CONTENT_VO.equals(ns) || MAIL_VO_1_0.equals(ns) || MAIL_VO_1_1.equals(ns);
    }

    static String voLabel(String ns) {
        return MAIL_VO_1_1.equals(ns) ? "VersionOverrides 1.1" : "VersionOverrides 1.0";
    }
}
