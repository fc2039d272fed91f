-- Export targets (issue 6): the folder each file export (legacy billing files, monthly reports,
-- daily CMEP file) writes to, set by administrators on Admin > Export targets or over REST. An
-- export without a row writes to the folder of its setting (mdms.export.billing.dir,
-- mdms.export.reports.dir, mdms.export.cmep.dir); removing the row returns it there. Changes are
-- audited (audit_entry, subject type export-target). See docs/exports.md.
CREATE TABLE export_target (
    export_name  VARCHAR(64) NOT NULL,
    folder       VARCHAR(1000) NOT NULL,
    changed_by   VARCHAR(64) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_export_target PRIMARY KEY (export_name)
);
COMMENT ON TABLE export_target IS 'The folder an administrator chose for a file export; an export without a row uses the folder of its setting.';
COMMENT ON COLUMN export_target.export_name IS 'The export: billing-file, monthly-reports or cmep-daily (the list is in the code, org.openmdms.export.control.FileExport).';
COMMENT ON COLUMN export_target.folder IS 'Absolute path of the folder on the server, checked to be creatable and writable by the server when it was set; each job checks it again before writing.';
COMMENT ON COLUMN export_target.changed_by IS 'The administrator who set it last.';
COMMENT ON COLUMN export_target.changed_at IS 'When it was set last.';
