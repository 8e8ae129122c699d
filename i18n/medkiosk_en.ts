<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mk::config::KioskConfig</name>
    <message>
        <source>%1: "%2" is not a whole number</source>
        <translation>%1: "%2" is not a whole number</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (allowed %3 to %4)</source>
        <translation>%1: %2 is out of range (allowed %3 to %4)</translation>
    </message>
    <message>
        <source>%1: "%2" is not an http(s) URL with a host</source>
        <translation>%1: "%2" is not an http(s) URL with a host</translation>
    </message>
    <message>
        <source>%1: the URL must not carry a user name or password</source>
        <translation>%1: the URL must not carry a user name or password</translation>
    </message>
    <message>
        <source>%1: plain http is only allowed to this machine (localhost, 127.0.0.1, ::1); use https for %2</source>
        <translation>%1: plain http is only allowed to this machine (localhost, 127.0.0.1, ::1); use https for %2</translation>
    </message>
    <message>
        <source>cannot read the configuration file %1</source>
        <translation>cannot read the configuration file %1</translation>
    </message>
    <message>
        <source>the configuration file %1 is not a valid INI file</source>
        <translation>the configuration file %1 is not a valid INI file</translation>
    </message>
    <message>
        <source>kiosk/id: "%1" must be 1 to 64 letters, digits, '.', '_' or '-'</source>
        <translation>kiosk/id: "%1" must be 1 to 64 letters, digits, '.', '_' or '-'</translation>
    </message>
    <message>
        <source>kiosk/default_language: "%1" is not zh_CN or en</source>
        <translation>kiosk/default_language: "%1" is not zh_CN or en</translation>
    </message>
    <message>
        <source>store/path: "%1" must be an absolute path</source>
        <translation>store/path: "%1" must be an absolute path</translation>
    </message>
    <message>
        <source>store/key_file: "%1" must be an absolute path</source>
        <translation>store/key_file: "%1" must be an absolute path</translation>
    </message>
    <message>
        <source>pool/ca_file: %1 does not exist or is not a file</source>
        <translation>pool/ca_file: %1 does not exist or is not a file</translation>
    </message>
    <message>
        <source>pool/request_timeout_ms: %1 is shorter than pool/connect_timeout_ms %2</source>
        <translation>pool/request_timeout_ms: %1 is shorter than pool/connect_timeout_ms %2</translation>
    </message>
    <message>
        <source>pool/timezone: "%1" is not a known IANA time zone</source>
        <translation>pool/timezone: "%1" is not a known IANA time zone</translation>
    </message>
    <message>
        <source>invalid configuration in %1: %2</source>
        <translation>invalid configuration in %1: %2</translation>
    </message>
</context>
<context>
    <name>mk::ctl::BenchStoreCommand</name>
    <message>
        <source>Measure raw SQLCipher durable inserts (rows/s) on the store's disk.</source>
        <translation>Measure raw SQLCipher durable inserts (rows/s) on the store's disk.</translation>
    </message>
    <message>
        <source>Folder to measure in (default: the store's folder).</source>
        <translation>Folder to measure in (default: the store's folder).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>Rows per run, one transaction each (default 500).</source>
        <translation>Rows per run, one transaction each (default 500).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Runs (default 5).</source>
        <translation>Runs (default 5).</translation>
    </message>
    <message>
        <source>--rows must be 1 to 1000000 and --runs 1 to 100</source>
        <translation>--rows must be 1 to 1000000 and --runs 1 to 100</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>cannot create a scratch folder in %1</source>
        <translation>cannot create a scratch folder in %1</translation>
    </message>
    <message>
        <source>%1: median %2 rows/s, min %3, max %4 (spread %5 % of the median)</source>
        <translation>%1: median %2 rows/s, min %3, max %4 (spread %5 % of the median)</translation>
    </message>
    <message>
        <source>SQLCipher insert benchmark in %1 (%2 runs, WAL, synchronous=FULL, cipher_page_size=%3)</source>
        <translation>SQLCipher insert benchmark in %1 (%2 runs, WAL, synchronous=FULL, cipher_page_size=%3)</translation>
    </message>
    <message>
        <source>one durable transaction per row (%1 rows)</source>
        <translation>one durable transaction per row (%1 rows)</translation>
    </message>
    <message>
        <source>one batched transaction (%1 rows)</source>
        <translation>one batched transaction (%1 rows)</translation>
    </message>
</context>
<context>
    <name>mk::ctl::CtlRegistry</name>
    <message>
        <source>Usage: medkioskctl &lt;command&gt; [options]

Commands:
</source>
        <translation>Usage: medkioskctl &lt;command&gt; [options]

Commands:
</translation>
    </message>
    <message>
        <source>
Run "medkioskctl &lt;command&gt; --help" for a command's options.
Exit codes: 0 ok, 1 a check failed, 2 usage error.
</source>
        <translation>
Run "medkioskctl &lt;command&gt; --help" for a command's options.
Exit codes: 0 ok, 1 a check failed, 2 usage error.
</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unknown command: %1</translation>
    </message>
    <message>
        <source>Configuration file (default: $MEDKIOSK_CONFIG or /etc/medkiosk/kiosk.ini).</source>
        <translation>Configuration file (default: $MEDKIOSK_CONFIG or /etc/medkiosk/kiosk.ini).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>Print the result as JSON.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::DiagnosticsCommand</name>
    <message>
        <source>Versions, SQLCipher, configuration (no secrets) and the store's state.</source>
        <translation>Versions, SQLCipher, configuration (no secrets) and the store's state.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>medkioskctl:     %1</source>
        <translation>medkioskctl:     %1</translation>
    </message>
    <message>
        <source>Qt:              %1</source>
        <translation>Qt:              %1</translation>
    </message>
    <message>
        <source>SQLite:          %1</source>
        <translation>SQLite:          %1</translation>
    </message>
    <message>
        <source>SQLCipher:       %1</source>
        <translation>SQLCipher:       %1</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>file:            %1 (%2)</source>
        <translation>file:            %1 (%2)</translation>
    </message>
    <message>
        <source>found</source>
        <translation>found</translation>
    </message>
    <message>
        <source>missing: defaults in use</source>
        <translation>missing: defaults in use</translation>
    </message>
    <message>
        <source>problem:         %1</source>
        <translation>problem:         %1</translation>
    </message>
    <message>
        <source>Diagnostics: OK</source>
        <translation>Diagnostics: OK</translation>
    </message>
    <message>
        <source>Diagnostics: FAILED</source>
        <translation>Diagnostics: FAILED</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>mk::ctl::StoreCheck</name>
    <message>
        <source>no store file at %1 (the kiosk creates it on first start)</source>
        <translation>no store file at %1 (the kiosk creates it on first start)</translation>
    </message>
    <message>
        <source>integrity check failed: %1</source>
        <translation>integrity check failed: %1</translation>
    </message>
    <message>
        <source>the store's schema version %1 is newer than this program's %2</source>
        <translation>the store's schema version %1 is newer than this program's %2</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>path:            %1</source>
        <translation>path:            %1</translation>
    </message>
    <message>
        <source>key file:        %1</source>
        <translation>key file:        %1</translation>
    </message>
    <message>
        <source>key from:        %1</source>
        <translation>key from:        %1</translation>
    </message>
    <message>
        <source>size:            %1 bytes</source>
        <translation>size:            %1 bytes</translation>
    </message>
    <message>
        <source>schema version:  %1 (this program: %2)</source>
        <translation>schema version:  %1 (this program: %2)</translation>
    </message>
    <message>
        <source>integrity:       %1</source>
        <translation>integrity:       %1</translation>
    </message>
    <message>
        <source>problem:         %1</source>
        <translation>problem:         %1</translation>
    </message>
    <message>
        <source>result:          not created yet</source>
        <translation>result:          not created yet</translation>
    </message>
    <message>
        <source>result:          OK</source>
        <translation>result:          OK</translation>
    </message>
    <message>
        <source>result:          FAILED</source>
        <translation>result:          FAILED</translation>
    </message>
</context>
<context>
    <name>mk::ctl::StoreCheckCommand</name>
    <message>
        <source>Open the encrypted store read-only and run a full integrity check.</source>
        <translation>Open the encrypted store read-only and run a full integrity check.</translation>
    </message>
</context>
<context>
    <name>mk::store::KeyProvider</name>
    <message>
        <source>systemd credential</source>
        <translation>systemd credential</translation>
    </message>
    <message>
        <source>key file</source>
        <translation>key file</translation>
    </message>
    <message>
        <source>key file (created now)</source>
        <translation>key file (created now)</translation>
    </message>
    <message>
        <source>no store key file configured</source>
        <translation>no store key file configured</translation>
    </message>
    <message>
        <source>no store key: neither the systemd credential %1 nor the key file %2 exists</source>
        <translation>no store key: neither the systemd credential %1 nor the key file %2 exists</translation>
    </message>
    <message>
        <source>cannot inspect the store key file %1: %2</source>
        <translation>cannot inspect the store key file %1: %2</translation>
    </message>
    <message>
        <source>cannot open the store key file %1: %2</source>
        <translation>cannot open the store key file %1: %2</translation>
    </message>
    <message>
        <source> (it is a symbolic link: point the configuration at the real file)</source>
        <translation> (it is a symbolic link: point the configuration at the real file)</translation>
    </message>
    <message>
        <source>the store key file %1 is not a regular file</source>
        <translation>the store key file %1 is not a regular file</translation>
    </message>
    <message>
        <source>refusing the store key file %1: it is owned by uid %2, not by the user running medkiosk (uid %3). Fix: chown %3 %1</source>
        <translation>refusing the store key file %1: it is owned by uid %2, not by the user running medkiosk (uid %3). Fix: chown %3 %1</translation>
    </message>
    <message>
        <source>refusing the store key file %1: its mode is %2, readable by others than its owner; it must be 0600 or stricter. Fix: chmod 600 %1 (and consider the key exposed: rotate it)</source>
        <translation>refusing the store key file %1: its mode is %2, readable by others than its owner; it must be 0600 or stricter. Fix: chmod 600 %1 (and consider the key exposed: rotate it)</translation>
    </message>
    <message>
        <source>the store key file %1 has %2 bytes; it must hold 32 raw bytes or 64 hex characters</source>
        <translation>the store key file %1 has %2 bytes; it must hold 32 raw bytes or 64 hex characters</translation>
    </message>
    <message>
        <source>cannot read the store key file %1: %2</source>
        <translation>cannot read the store key file %1: %2</translation>
    </message>
    <message>
        <source>the store key in %1 has the wrong size or format (%2 bytes): it must be 32 raw bytes or 64 hex characters</source>
        <translation>the store key in %1 has the wrong size or format (%2 bytes): it must be 32 raw bytes or 64 hex characters</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the store key</source>
        <translation>cannot create the folder %1 for the store key</translation>
    </message>
    <message>
        <source>the system's random generator failed: no store key created</source>
        <translation>the system's random generator failed: no store key created</translation>
    </message>
    <message>
        <source>cannot create the store key file %1: %2</source>
        <translation>cannot create the store key file %1: %2</translation>
    </message>
    <message>
        <source>cannot write the store key file %1: %2</source>
        <translation>cannot write the store key file %1: %2</translation>
    </message>
    <message>
        <source>cannot flush the store key file %1: %2</source>
        <translation>cannot flush the store key file %1: %2</translation>
    </message>
</context>
<context>
    <name>mk::store::Migrations</name>
    <message>
        <source>the store has schema version %1 but this program knows only up to %2: refusing to open it (install the newer medkiosk again)</source>
        <translation>the store has schema version %1 but this program knows only up to %2: refusing to open it (install the newer medkiosk again)</translation>
    </message>
    <message>
        <source>migration %1 follows %2: versions must have no gaps</source>
        <translation>migration %1 follows %2: versions must have no gaps</translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation>migration %1 (%2) failed: %3</translation>
    </message>
</context>
<context>
    <name>mk::store::SqlCipherDb</name>
    <message>
        <source>cannot open %1</source>
        <translation>cannot open %1</translation>
    </message>
    <message>
        <source>statement failed</source>
        <translation>statement failed</translation>
    </message>
    <message>
        <source>cannot prepare a statement</source>
        <translation>cannot prepare a statement</translation>
    </message>
    <message>
        <source>cannot set the store key</source>
        <translation>cannot set the store key</translation>
    </message>
    <message>
        <source>disk full: free space on the store's disk</source>
        <translation>disk full: free space on the store's disk</translation>
    </message>
    <message>
        <source>wrong key or not a database: check the key file or credential; the file was left untouched</source>
        <translation>wrong key or not a database: check the key file or credential; the file was left untouched</translation>
    </message>
    <message>
        <source>the store file is corrupt; it was left untouched for recovery</source>
        <translation>the store file is corrupt; it was left untouched for recovery</translation>
    </message>
    <message>
        <source>the store is busy: another process or connection holds a lock</source>
        <translation>the store is busy: another process or connection holds a lock</translation>
    </message>
    <message>
        <source>the store is read-only: check file permissions and the file system</source>
        <translation>the store is read-only: check file permissions and the file system</translation>
    </message>
    <message>
        <source>cannot open the store file: check that the folder exists and is writable</source>
        <translation>cannot open the store file: check that the folder exists and is writable</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>input/output error on the store's disk</source>
        <translation>input/output error on the store's disk</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>out of memory</translation>
    </message>
    <message>
        <source>a constraint was violated</source>
        <translation>a constraint was violated</translation>
    </message>
    <message>
        <source>SQLite error %1</source>
        <translation>SQLite error %1</translation>
    </message>
</context>
<context>
    <name>mk::store::SqlStatement</name>
    <message>
        <source>cannot bind a value</source>
        <translation>cannot bind a value</translation>
    </message>
    <message>
        <source>statement failed</source>
        <translation>statement failed</translation>
    </message>
</context>
<context>
    <name>mk::store::Store</name>
    <message>
        <source>SQLCipher not linked: refusing to run</source>
        <translation>SQLCipher not linked: refusing to run</translation>
    </message>
    <message>
        <source>the store key must be %1 bytes</source>
        <translation>the store key must be %1 bytes</translation>
    </message>
    <message>
        <source>no store path configured</source>
        <translation>no store path configured</translation>
    </message>
    <message>
        <source>cannot create the store folder %1</source>
        <translation>cannot create the store folder %1</translation>
    </message>
    <message>
        <source>cannot read the store %1: %2</source>
        <translation>cannot read the store %1: %2</translation>
    </message>
    <message>
        <source>cannot switch the store to WAL mode (got "%1")</source>
        <translation>cannot switch the store to WAL mode (got "%1")</translation>
    </message>
    <message>
        <source>integrity check of %1 failed: %2</source>
        <translation>integrity check of %1 failed: %2</translation>
    </message>
    <message>
        <source>the store %1 is corrupt; it was left untouched for recovery: %2</source>
        <translation>the store %1 is corrupt; it was left untouched for recovery: %2</translation>
    </message>
</context>
<context>
    <name>mk::store::StoreInspector</name>
    <message>
        <source>no store file at %1</source>
        <translation>no store file at %1</translation>
    </message>
    <message>
        <source>SQLCipher not linked: refusing to run</source>
        <translation>SQLCipher not linked: refusing to run</translation>
    </message>
    <message>
        <source>cannot read the store %1: %2</source>
        <translation>cannot read the store %1: %2</translation>
    </message>
</context>
</TS>
