<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mk</name>
    <message>
        <source>You already have the maximum number of bookings for that day. Please choose another day, or ask the staff at the service desk.</source>
        <translation>You already have the maximum number of bookings for that day. Please choose another day, or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>Bookings cannot be made that far ahead. Please choose an earlier day.</source>
        <translation>Bookings cannot be made that far ahead. Please choose an earlier day.</translation>
    </message>
    <message>
        <source>This time starts too soon to be booked here. Please choose a later time, or ask the staff at the service desk.</source>
        <translation>This time starts too soon to be booked here. Please choose a later time, or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>This time has already passed. Please choose another time.</source>
        <translation>This time has already passed. Please choose another time.</translation>
    </message>
    <message>
        <source>It is too late to cancel this appointment at the kiosk. Please ask the staff at the service desk.</source>
        <translation>It is too late to cancel this appointment at the kiosk. Please ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The hospital's booking rules do not allow this booking. Please choose another time, or ask the staff at the service desk.</source>
        <translation>The hospital's booking rules do not allow this booking. Please choose another time, or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>Cannot reach the hospital system right now. Please try again in a moment or ask the staff at the service desk.</source>
        <translation>Cannot reach the hospital system right now. Please try again in a moment or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The hospital system did not answer in time. Please try again in a moment or ask the staff at the service desk.</source>
        <translation>The hospital system did not answer in time. Please try again in a moment or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>A secure connection to the hospital system could not be made. Please ask the staff at the service desk for help.</source>
        <translation>A secure connection to the hospital system could not be made. Please ask the staff at the service desk for help.</translation>
    </message>
    <message>
        <source>The hospital system has a problem at the moment. Please try again in a few minutes or ask the staff at the service desk.</source>
        <translation>The hospital system has a problem at the moment. Please try again in a few minutes or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The hospital system is busy. Please wait a moment and try again.</source>
        <translation>The hospital system is busy. Please wait a moment and try again.</translation>
    </message>
    <message>
        <source>This time was just taken by someone else. Please choose another time.</source>
        <translation>This time was just taken by someone else. Please choose another time.</translation>
    </message>
    <message>
        <source>Nothing was found for what you entered. Please check it and try again, or ask the staff at the service desk.</source>
        <translation>Nothing was found for what you entered. Please check it and try again, or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The hospital system could not accept this request. Please check what you entered, or ask the staff at the service desk.</source>
        <translation>The hospital system could not accept this request. Please check what you entered, or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The hospital system sent an answer the kiosk cannot read. Please try again or ask the staff at the service desk.</source>
        <translation>The hospital system sent an answer the kiosk cannot read. Please try again or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The kiosk is offline, so this cannot be done now. Please try again later or ask the staff at the service desk.</source>
        <translation>The kiosk is offline, so this cannot be done now. Please try again later or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>The kiosk could not save your data. Please ask the staff at the service desk for help.</source>
        <translation>The kiosk could not save your data. Please ask the staff at the service desk for help.</translation>
    </message>
    <message>
        <source>The kiosk is not set up correctly. Please ask the staff at the service desk for help.</source>
        <translation>The kiosk is not set up correctly. Please ask the staff at the service desk for help.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again or ask the staff at the service desk.</source>
        <translation>Something went wrong. Please try again or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>This appointment is already checked in and can no longer be cancelled here. Please ask at the desk.</source>
        <translation>This appointment is already checked in and can no longer be cancelled here. Please ask at the desk.</translation>
    </message>
</context>
<context>
    <name>mk::SafeFile</name>
    <message>
        <source>a symbolic link</source>
        <translation>a symbolic link</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>a folder</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>a FIFO (named pipe)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>a device</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>a socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <source>flushing to the disk failed: %1</source>
        <translation>flushing to the disk failed: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2; nothing was written</source>
        <translation>cannot write %1: %2; nothing was written</translation>
    </message>
    <message>
        <source>cannot make the folder %1 private: %2</source>
        <translation>cannot make the folder %1 private: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>cannot create the folder %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 is not a folder</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>refusing %1: it is %2, not a regular file</source>
        <translation>refusing %1: it is %2, not a regular file</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>no file name given</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>cannot write %1: the folder %2 does not exist</translation>
    </message>
    <message>
        <source>refusing to write %1: it is in the folder of the local store (%2), where only the kiosk writes. Choose another folder.</source>
        <translation>refusing to write %1: it is in the folder of the local store (%2), where only the kiosk writes. Choose another folder.</translation>
    </message>
    <message>
        <source>cannot inspect %1: %2</source>
        <translation>cannot inspect %1: %2</translation>
    </message>
    <message>
        <source>refusing to write %1: it is %2, not a regular file. Nothing was changed.</source>
        <translation>refusing to write %1: it is %2, not a regular file. Nothing was changed.</translation>
    </message>
    <message>
        <source>refusing to write %1: the file exists. Nothing was changed; choose a new name, or add --force to replace it.</source>
        <translation>refusing to write %1: the file exists. Nothing was changed; choose a new name, or add --force to replace it.</translation>
    </message>
    <message>
        <source>wrote %1 but could not make it durable (folder sync failed: %2)</source>
        <translation>wrote %1 but could not make it durable (folder sync failed: %2)</translation>
    </message>
    <message>
        <source>cannot flush the folder %1 to the disk: %2</source>
        <translation>cannot flush the folder %1 to the disk: %2</translation>
    </message>
</context>
<context>
    <name>mk::app::DemoPool</name>
    <message>
        <source>the simulator program %1 was not found (install the medkiosk-poolsim package, or set MEDKIOSK_POOLSIM)</source>
        <translation>the simulator program %1 was not found (install the medkiosk-poolsim package, or set MEDKIOSK_POOLSIM)</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>cannot start %1: %2</translation>
    </message>
    <message>
        <source>%1 did not report its address within %2 s</source>
        <translation>%1 did not report its address within %2 s</translation>
    </message>
    <message>
        <source>%1 reported no usable address</source>
        <translation>%1 reported no usable address</translation>
    </message>
</context>
<context>
    <name>mk::app::KioskApp</name>
    <message>
        <source>Hospital self-service kiosk: book an appointment.</source>
        <translation>Hospital self-service kiosk: book an appointment.</translation>
    </message>
    <message>
        <source>Run against a built-in booking-pool simulator with demo data (state in ~/.local/state/medkiosk-demo).</source>
        <translation>Run against a built-in booking-pool simulator with demo data (state in ~/.local/state/medkiosk-demo).</translation>
    </message>
    <message>
        <source>Start language: zh_CN or en (default from the configuration).</source>
        <translation>Start language: zh_CN or en (default from the configuration).</translation>
    </message>
    <message>
        <source>Demo only: drive the booking flow in both languages and both screen sizes, save every screen as PNG under DIR, exit.</source>
        <translation>Demo only: drive the booking flow in both languages and both screen sizes, save every screen as PNG under DIR, exit.</translation>
    </message>
    <message>
        <source>Print startup_ms=&lt;n&gt; once the start screen is shown and idle, then exit.</source>
        <translation>Print startup_ms=&lt;n&gt; once the start screen is shown and idle, then exit.</translation>
    </message>
    <message>
        <source>A normal window instead of full screen.</source>
        <translation>A normal window instead of full screen.</translation>
    </message>
    <message>
        <source>--lang must be zh_CN or en, not "%1".</source>
        <translation>--lang must be zh_CN or en, not "%1".</translation>
    </message>
    <message>
        <source>the configuration %1 is not valid: %2</source>
        <translation>the configuration %1 is not valid: %2</translation>
    </message>
    <message>
        <source>this build of medkiosk is not linked with SQLCipher (%1). It refuses to run, because the local store would not be encrypted. Reinstall the medkiosk package or rebuild it against libsqlcipher.</source>
        <translation>this build of medkiosk is not linked with SQLCipher (%1). It refuses to run, because the local store would not be encrypted. Reinstall the medkiosk package or rebuild it against libsqlcipher.</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the screenshot run.</source>
        <translation>cannot create a temporary folder for the screenshot run.</translation>
    </message>
    <message>
        <source>no booking pool is configured (pool/base_url in %1); use --demo to try the kiosk with its simulator.</source>
        <translation>no booking pool is configured (pool/base_url in %1); use --demo to try the kiosk with its simulator.</translation>
    </message>
    <message>
        <source>Hospital kiosk</source>
        <translation>Hospital kiosk</translation>
    </message>
    <message>
        <source>the demo booking-pool simulator did not start: %1</source>
        <translation>the demo booking-pool simulator did not start: %1</translation>
    </message>
    <message>
        <source>cannot create the folder of the local store %1. Staff: check the permissions of the state directory.</source>
        <translation>cannot create the folder of the local store %1. Staff: check the permissions of the state directory.</translation>
    </message>
    <message>
        <source>the key of the local store could not be loaded: %1. Staff: check the key file or the systemd credential; the store was not touched.</source>
        <translation>the key of the local store could not be loaded: %1. Staff: check the key file or the systemd credential; the store was not touched.</translation>
    </message>
    <message>
        <source>the local store %1 could not be opened: %2. Never delete it: it may hold check-ins and payments not yet sent. Staff: run "medkioskctl store check" and call IT support.</source>
        <translation>the local store %1 could not be opened: %2. Never delete it: it may hold check-ins and payments not yet sent. Staff: run "medkioskctl store check" and call IT support.</translation>
    </message>
    <message>
        <source>the [face] settings of %1 are not valid: %2</source>
        <translation>the [face] settings of %1 are not valid: %2</translation>
    </message>
    <message>
        <source>not enabled ([face] enabled=false)</source>
        <translation>not enabled ([face] enabled=false)</translation>
    </message>
    <message>
        <source>no photo under %1/photos/johns for the demo camera</source>
        <translation>no photo under %1/photos/johns for the demo camera</translation>
    </message>
    <message>
        <source>the demo photo %1 cannot be read</source>
        <translation>the demo photo %1 cannot be read</translation>
    </message>
    <message>
        <source>face sign-in is off: %1</source>
        <translation>face sign-in is off: %1</translation>
    </message>
    <message>
        <source>face sign-in is off: %1; run scripts/fetch-face-models.sh</source>
        <translation>face sign-in is off: %1; run scripts/fetch-face-models.sh</translation>
    </message>
    <message>
        <source>Configuration file (default: $MEDKIOSK_CONFIG, else /etc/medkiosk/kiosk.ini when it exists, else built-in defaults).</source>
        <translation>Configuration file (default: $MEDKIOSK_CONFIG, else /etc/medkiosk/kiosk.ini when it exists, else built-in defaults).</translation>
    </message>
    <message>
        <source>cannot create the demo folder %1: %2.</source>
        <translation>cannot create the demo folder %1: %2.</translation>
    </message>
    <message>
        <source>STAFF: the local store %1 exists but its key cannot be loaded: %2. Nothing was changed and no new key was made. Restore the key file (or correct store/key_file in the configuration, or provide the systemd credential %3), then start the kiosk again.</source>
        <translation>STAFF: the local store %1 exists but its key cannot be loaded: %2. Nothing was changed and no new key was made. Restore the key file (or correct store/key_file in the configuration, or provide the systemd credential %3), then start the kiosk again.</translation>
    </message>
    <message>
        <source>STAFF: the local store %1 could not be read with its key (%2). It was moved aside to %3 and nothing was deleted: it may hold check-ins not yet sent. To recover it, IT stops the kiosk, puts the key that store was made with in place, and renames %3 back to %1 (with its -wal and -shm files if present); "medkioskctl store check" then says whether it reads. The kiosk goes on with a new, empty store.</source>
        <translation>STAFF: the local store %1 could not be read with its key (%2). It was moved aside to %3 and nothing was deleted: it may hold check-ins not yet sent. To recover it, IT stops the kiosk, puts the key that store was made with in place, and renames %3 back to %1 (with its -wal and -shm files if present); "medkioskctl store check" then says whether it reads. The kiosk goes on with a new, empty store.</translation>
    </message>
    <message>
        <source>cannot write the demo kiosk's JWKS %1: %2</source>
        <translation>cannot write the demo kiosk's JWKS %1: %2</translation>
    </message>
    <message>
        <source>STAFF: this kiosk's identity key cannot be used: %1. The kiosk is out of service until IT fixes it (docs/identity.md).</source>
        <translation>STAFF: this kiosk's identity key cannot be used: %1. The kiosk is out of service until IT fixes it (docs/identity.md).</translation>
    </message>
    <message>
        <source>STAFF: the local store %1 cannot be read with its key, and a key rotation was interrupted (%2 exists). Nothing was changed. IT: run "medkioskctl store rekey" to finish the rotation, then start the kiosk again.</source>
        <translation>STAFF: the local store %1 cannot be read with its key, and a key rotation was interrupted (%2 exists). Nothing was changed. IT: run "medkioskctl store rekey" to finish the rotation, then start the kiosk again.</translation>
    </message>
    <message>
        <source>STAFF: the kiosk cannot start: %1</source>
        <translation>STAFF: the kiosk cannot start: %1</translation>
    </message>
</context>
<context>
    <name>mk::booking::BookingRules</name>
    <message>
        <source>The time slot has no valid start</source>
        <translation>The time slot has no valid start</translation>
    </message>
    <message>
        <source>The time slot has already started</source>
        <translation>The time slot has already started</translation>
    </message>
    <message numerus="yes">
        <source>The time slot starts in less than %n minute(s)</source>
        <translation>
            <numerusform>The time slot starts in less than %n minute</numerusform>
            <numerusform>The time slot starts in less than %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bookings are open at most %n day(s) ahead</source>
        <translation>
            <numerusform>Bookings are open at most %n day ahead</numerusform>
            <numerusform>Bookings are open at most %n days ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n booking(s) per patient per day</source>
        <translation>
            <numerusform>At most %n booking per patient per day</numerusform>
            <numerusform>At most %n bookings per patient per day</numerusform>
        </translation>
    </message>
    <message>
        <source>The appointment has no valid start</source>
        <translation>The appointment has no valid start</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling is possible until %n hour(s) before the visit</source>
        <translation>
            <numerusform>Cancelling is possible until %n hour before the visit</numerusform>
            <numerusform>Cancelling is possible until %n hours before the visit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mk::booking::BookingService</name>
    <message>
        <source>The booking pool is unreachable (%1)</source>
        <translation>The booking pool is unreachable (%1)</translation>
    </message>
</context>
<context>
    <name>mk::checkin</name>
    <message>
        <source>You are checked in. The hospital system cannot be reached right now, so this number is provisional; the nurse will confirm it.</source>
        <translation>You are checked in. The hospital system cannot be reached right now, so this number is provisional; the nurse will confirm it.</translation>
    </message>
    <message>
        <source>You were already checked in. This is your number.</source>
        <translation>You were already checked in. This is your number.</translation>
    </message>
    <message>
        <source>You are checked in. Please wait until your number is called.</source>
        <translation>You are checked in. Please wait until your number is called.</translation>
    </message>
    <message>
        <source>It is too early to check in. Please come back after %1.</source>
        <translation>It is too early to check in. Please come back after %1.</translation>
    </message>
    <message>
        <source>The time to check in for this appointment has passed. Please go to the registration desk.</source>
        <translation>The time to check in for this appointment has passed. Please go to the registration desk.</translation>
    </message>
    <message>
        <source>This appointment was cancelled. Please go to the registration desk.</source>
        <translation>This appointment was cancelled. Please go to the registration desk.</translation>
    </message>
    <message>
        <source>This appointment was not found. Please check the number or go to the registration desk.</source>
        <translation>This appointment was not found. Please check the number or go to the registration desk.</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached, so an appointment number cannot be checked now. Please scan the QR code of your appointment, or try again later.</source>
        <translation>The hospital system cannot be reached, so an appointment number cannot be checked now. Please scan the QR code of your appointment, or try again later.</translation>
    </message>
    <message>
        <source>This is not an appointment code. Please scan the QR code of your appointment.</source>
        <translation>This is not an appointment code. Please scan the QR code of your appointment.</translation>
    </message>
    <message>
        <source>This appointment code is from another hospital. Please go to the registration desk.</source>
        <translation>This appointment code is from another hospital. Please go to the registration desk.</translation>
    </message>
    <message>
        <source>This appointment code has expired. Please go to the registration desk.</source>
        <translation>This appointment code has expired. Please go to the registration desk.</translation>
    </message>
    <message>
        <source>Check-in is not available at this kiosk. Please ask staff.</source>
        <translation>Check-in is not available at this kiosk. Please ask staff.</translation>
    </message>
    <message>
        <source>This appointment code cannot be read or is not valid. Please go to the registration desk.</source>
        <translation>This appointment code cannot be read or is not valid. Please go to the registration desk.</translation>
    </message>
    <message>
        <source>This appointment is on floor %1. Please go to floor %1 and check in at the kiosk there.</source>
        <translation>This appointment is on floor %1. Please go to floor %1 and check in at the kiosk there.</translation>
    </message>
    <message>
        <source>This appointment is in building %1, floor %2. Please go there and check in at the kiosk there.</source>
        <translation>This appointment is in building %1, floor %2. Please go there and check in at the kiosk there.</translation>
    </message>
    <message>
        <source>This appointment is in building %1. Please go there and check in at the kiosk there.</source>
        <translation>This appointment is in building %1. Please go there and check in at the kiosk there.</translation>
    </message>
    <message>
        <source>You have no appointment today. Your next appointment is on %1 at %2. Please come back that day.</source>
        <translation>You have no appointment today. Your next appointment is on %1 at %2. Please come back that day.</translation>
    </message>
    <message>
        <source>You have no appointment today. Please book one on Home, or ask at the service desk.</source>
        <translation>You have no appointment today. Please book one on Home, or ask at the service desk.</translation>
    </message>
    <message>
        <source>This card is not known to the hospital system. Please scan your appointment code, or ask at the service desk.</source>
        <translation>This card is not known to the hospital system. Please scan your appointment code, or ask at the service desk.</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached right now and your appointments are not known at this kiosk. Please scan the QR code of your appointment, or ask at the service desk.</source>
        <translation>The hospital system cannot be reached right now and your appointments are not known at this kiosk. Please scan the QR code of your appointment, or ask at the service desk.</translation>
    </message>
    <message>
        <source>Your appointments could not be read. %1</source>
        <translation>Your appointments could not be read. %1</translation>
    </message>
    <message>
        <source>This appointment is on %1, not today. Please come back that day; check-in opens at %2.</source>
        <translation>This appointment is on %1, not today. Please come back that day; check-in opens at %2.</translation>
    </message>
</context>
<context>
    <name>mk::checkin::CheckinOptions</name>
    <message>
        <source>checkin/%1: "%2" is not a whole number</source>
        <translation>checkin/%1: "%2" is not a whole number</translation>
    </message>
    <message>
        <source>checkin/floor: "%1" is not a floor number (-9 to 200)</source>
        <translation>checkin/floor: "%1" is not a floor number (-9 to 200)</translation>
    </message>
</context>
<context>
    <name>mk::config::IniFile</name>
    <message>
        <source>the configuration file %1 does not exist</source>
        <translation>the configuration file %1 does not exist</translation>
    </message>
    <message>
        <source>the configuration file %1 cannot be used: %2</source>
        <translation>the configuration file %1 cannot be used: %2</translation>
    </message>
    <message>
        <source>cannot read the configuration file %1: %2</source>
        <translation>cannot read the configuration file %1: %2</translation>
    </message>
    <message>
        <source>the configuration file %1 is larger than %2 bytes: not a configuration file</source>
        <translation>the configuration file %1 is larger than %2 bytes: not a configuration file</translation>
    </message>
    <message>
        <source>the configuration file %1 is not a text file (it holds binary data)</source>
        <translation>the configuration file %1 is not a text file (it holds binary data)</translation>
    </message>
    <message>
        <source>the configuration file %1 is not UTF-8 text</source>
        <translation>the configuration file %1 is not UTF-8 text</translation>
    </message>
    <message>
        <source>the configuration file %1 is not an INI file: line %2 is neither a [section], a key = value line nor a comment</source>
        <translation>the configuration file %1 is not an INI file: line %2 is neither a [section], a key = value line nor a comment</translation>
    </message>
</context>
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
    <message>
        <source>identity/key_file: "%1" must be an absolute path</source>
        <translation>identity/key_file: "%1" must be an absolute path</translation>
    </message>
    <message>
        <source>pool/token_url: "%1" must be an https URL (plain http only to this machine)</source>
        <translation>pool/token_url: "%1" must be an https URL (plain http only to this machine)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
    <name>mk::ctl::CheckinVerifyCommand</name>
    <message>
        <source>Check an appointment code (TEXT, - or --image FILE), show its claims.</source>
        <translation>Check an appointment code (TEXT, - or --image FILE), show its claims.</translation>
    </message>
    <message>
        <source>Decode the QR code of this image file (a regular file) first.</source>
        <translation>Decode the QR code of this image file (a regular file) first.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Usage: medkioskctl checkin verify TEXT|-|--image FILE [--json]</source>
        <translation>Usage: medkioskctl checkin verify TEXT|-|--image FILE [--json]</translation>
    </message>
    <message>
        <source>configuration: %1</source>
        <translation>configuration: %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>not a check-in code</source>
        <translation>not a check-in code</translation>
    </message>
    <message>
        <source>damaged (cut, re-encoded or malformed)</source>
        <translation>damaged (cut, re-encoded or malformed)</translation>
    </message>
    <message>
        <source>forged signature (altered, or not signed with the pool's key)</source>
        <translation>forged signature (altered, or not signed with the pool's key)</translation>
    </message>
    <message>
        <source>other hospital (issued by "%1")</source>
        <translation>other hospital (issued by "%1")</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>cannot be checked: no usable pool public key is configured</source>
        <translation>cannot be checked: no usable pool public key is configured</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>verdict: %1</source>
        <translation>verdict: %1</translation>
    </message>
    <message>
        <source>detail: %1</source>
        <translation>detail: %1</translation>
    </message>
    <message>
        <source>claims (NOT verified, do not trust them):</source>
        <translation>claims (NOT verified, do not trust them):</translation>
    </message>
    <message>
        <source>claims:</source>
        <translation>claims:</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>appointment</translation>
    </message>
    <message>
        <source>appointment number</source>
        <translation>appointment number</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>department</source>
        <translation>department</translation>
    </message>
    <message>
        <source>doctor</source>
        <translation>doctor</translation>
    </message>
    <message>
        <source>slot start</source>
        <translation>slot start</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>expires</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>issuer</translation>
    </message>
    <message>
        <source>not yet open: this code is not yet valid for check-in</source>
        <translation>not yet open: this code is not yet valid for check-in</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>open now</translation>
    </message>
    <message>
        <source>check-in window: %1 to %2 (%3)</source>
        <translation>check-in window: %1 to %2 (%3)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>cannot open %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; refused</source>
        <translation>%1 is not a regular file; refused</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; refused</source>
        <translation>%1 is larger than %2 MiB; refused</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>cannot read image %1: %2</source>
        <translation>cannot read image %1: %2</translation>
    </message>
    <message>
        <source>no QR code found in %1</source>
        <translation>no QR code found in %1</translation>
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
    <name>mk::ctl::DeviceProbe</name>
    <message>
        <source>(first reader)</source>
        <translation>(first reader)</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
</context>
<context>
    <name>mk::ctl::DevicesCommand</name>
    <message>
        <source>Longest wait for the devices to answer (ms).</source>
        <translation>Longest wait for the devices to answer (ms).</translation>
    </message>
    <message>
        <source>configuration file %1 not found: devices use their defaults (off)</source>
        <translation>configuration file %1 not found: devices use their defaults (off)</translation>
    </message>
    <message>
        <source>Devices: OK</source>
        <translation>Devices: OK</translation>
    </message>
    <message>
        <source>Devices: PROBLEM</source>
        <translation>Devices: PROBLEM</translation>
    </message>
    <message>
        <source>Configured devices (printer, card reader, speech, scanner, camera) with their state.</source>
        <translation>Configured devices (printer, card reader, speech, scanner, camera) with their state.</translation>
    </message>
    <message>
        <source>[devices] camera: unknown backend (none, qt or folder)</source>
        <translation>[devices] camera: unknown backend (none, qt or folder)</translation>
    </message>
    <message>
        <source>invalid configuration: %1</source>
        <translation>invalid configuration: %1</translation>
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
    <name>mk::ctl::FaceCommand</name>
    <message>
        <source>Folder with the face models (default $MEDKIOSK_MODELS_DIR or ~/.cache/medkiosk/models).</source>
        <translation>Folder with the face models (default $MEDKIOSK_MODELS_DIR or ~/.cache/medkiosk/models).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>folder</translation>
    </message>
    <message>
        <source>The images are aligned 150x150 face chips (no detection).</source>
        <translation>The images are aligned 150x150 face chips (no detection).</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>distance</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>pixels</translation>
    </message>
    <message>
        <source>cannot read the image %1</source>
        <translation>cannot read the image %1</translation>
    </message>
    <message>
        <source>faces: %1, quality: %2 (%3)</source>
        <translation>faces: %1, quality: %2 (%3)</translation>
    </message>
    <message>
        <source>no single face: %1</source>
        <translation>no single face: %1</translation>
    </message>
    <message>
        <source>distance %1 (threshold %2): %3</source>
        <translation>distance %1 (threshold %2): %3</translation>
    </message>
    <message>
        <source>same person</source>
        <translation>same person</translation>
    </message>
    <message>
        <source>different people</source>
        <translation>different people</translation>
    </message>
    <message>
        <source>face data deleted: %1 templates and the consent record</source>
        <translation>face data deleted: %1 templates and the consent record</translation>
    </message>
    <message>
        <source>Match threshold, L2 distance (default: [face] match_threshold, %1).</source>
        <translation>Match threshold, L2 distance (default: [face] match_threshold, %1).</translation>
    </message>
    <message>
        <source>Smallest face width in pixels the detector looks for, 0 for a full-frame search (default %1).</source>
        <translation>Smallest face width in pixels the detector looks for, 0 for a full-frame search (default %1).</translation>
    </message>
    <message>
        <source>Face templates: embed IMAGE [--chip], compare A B, eval DIR, delete PATIENT_ID, verify PATIENT_ID IMAGE.</source>
        <translation>Face templates: embed IMAGE [--chip], compare A B, eval DIR, delete PATIENT_ID, verify PATIENT_ID IMAGE.</translation>
    </message>
    <message>
        <source>no face template for this patient</source>
        <translation>no face template for this patient</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>usage: medkioskctl face embed IMAGE [--chip] | compare A B | eval DIR | delete PATIENT_ID | verify PATIENT_ID IMAGE [--chip] | lockout [--clear]</source>
        <translation>usage: medkioskctl face embed IMAGE [--chip] | compare A B | eval DIR | delete PATIENT_ID | verify PATIENT_ID IMAGE [--chip] | lockout [--clear]</translation>
    </message>
</context>
<context>
    <name>mk::ctl::FaceLockoutCommand</name>
    <message>
        <source>Show the face identification lockout and recent failures; --clear ends it.</source>
        <translation>Show the face identification lockout and recent failures; --clear ends it.</translation>
    </message>
    <message>
        <source>End the lockout and forget the failures (written to the staff audit log).</source>
        <translation>End the lockout and forget the failures (written to the staff audit log).</translation>
    </message>
    <message>
        <source>by %1; was %2</source>
        <translation>by %1; was %2</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>not locked</source>
        <translation>not locked</translation>
    </message>
    <message>
        <source>lockout cleared, but the audit row was not written: %1</source>
        <translation>lockout cleared, but the audit row was not written: %1</translation>
    </message>
    <message>
        <source>face identification locked until %1</source>
        <translation>face identification locked until %1</translation>
    </message>
    <message>
        <source>face identification not locked</source>
        <translation>face identification not locked</translation>
    </message>
    <message>
        <source>recent failures (last %1 s): %2 of %3</source>
        <translation>recent failures (last %1 s): %2 of %3</translation>
    </message>
    <message>
        <source>cleared (staff audit row written)</source>
        <translation>cleared (staff audit row written)</translation>
    </message>
</context>
<context>
    <name>mk::ctl::HealthCommand</name>
    <message>
        <source>The kiosk's health in the Prometheus text format (node_exporter textfile).</source>
        <translation>The kiosk's health in the Prometheus text format (node_exporter textfile).</translation>
    </message>
    <message>
        <source>Write to this file atomically, mode 0644 (e.g. /var/lib/prometheus/node-exporter/medkiosk.prom).</source>
        <translation>Write to this file atomically, mode 0644 (e.g. /var/lib/prometheus/node-exporter/medkiosk.prom).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Longest wait for the devices to answer (ms).</source>
        <translation>Longest wait for the devices to answer (ms).</translation>
    </message>
    <message>
        <source>Do not open the devices (the running kiosk holds a serial printer or scanner and the camera).</source>
        <translation>Do not open the devices (the running kiosk holds a serial printer or scanner and the camera).</translation>
    </message>
    <message>
        <source>invalid configuration: %1</source>
        <translation>invalid configuration: %1</translation>
    </message>
    <message>
        <source>health writes the Prometheus text format only (for JSON: medkioskctl queue status --json, devices --json)</source>
        <translation>health writes the Prometheus text format only (for JSON: medkioskctl queue status --json, devices --json)</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityExportJwksCommand</name>
    <message>
        <source>Print the public keys (JWKS) to register with the pool, or --out FILE.</source>
        <translation>Print the public keys (JWKS) to register with the pool, or --out FILE.</translation>
    </message>
    <message>
        <source>Write the JWKS to a new file.</source>
        <translation>Write the JWKS to a new file.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>JWKS written to %1</source>
        <translation>JWKS written to %1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityInitCommand</name>
    <message>
        <source>Make this kiosk's identity key (EC P-384) unless it has one.</source>
        <translation>Make this kiosk's identity key (EC P-384) unless it has one.</translation>
    </message>
    <message>
        <source>identity key: %1</source>
        <translation>identity key: %1</translation>
    </message>
    <message>
        <source>key id (kid): %1</source>
        <translation>key id (kid): %1</translation>
    </message>
    <message>
        <source>Register it with the pool: medkioskctl identity export-jwks</source>
        <translation>Register it with the pool: medkioskctl identity export-jwks</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityRotateCommand</name>
    <message>
        <source>Make a new key; the old one works until the pool accepts the new one.</source>
        <translation>Make a new key; the old one works until the pool accepts the new one.</translation>
    </message>
    <message>
        <source>A new key (kid %1) waits in %2. Register this JWKS (both keys) with the pool; the kiosk keeps using the old key until the pool accepts the new one, then retires the old one.</source>
        <translation>A new key (kid %1) waits in %2. Register this JWKS (both keys) with the pool; the kiosk keeps using the old key until the pool accepts the new one, then retires the old one.</translation>
    </message>
</context>
<context>
    <name>mk::ctl::IdentityShowCommand</name>
    <message>
        <source>Show this kiosk's client id, key ids, token endpoint and scopes.</source>
        <translation>Show this kiosk's client id, key ids, token endpoint and scopes.</translation>
    </message>
    <message>
        <source>(discovered from %1/.well-known/smart-configuration)</source>
        <translation>(discovered from %1/.well-known/smart-configuration)</translation>
    </message>
    <message>
        <source>client id (kiosk/id): %1</source>
        <translation>client id (kiosk/id): %1</translation>
    </message>
    <message>
        <source>token endpoint: %1</source>
        <translation>token endpoint: %1</translation>
    </message>
    <message>
        <source>scopes: %1</source>
        <translation>scopes: %1</translation>
    </message>
    <message>
        <source>identity key: none usable: %1</source>
        <translation>identity key: none usable: %1</translation>
    </message>
    <message>
        <source>identity key: %1</source>
        <translation>identity key: %1</translation>
    </message>
    <message>
        <source>key id (kid): %1</source>
        <translation>key id (kid): %1</translation>
    </message>
    <message>
        <source>new key waiting for registration (rotate): %1</source>
        <translation>new key waiting for registration (rotate): %1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayLedgerVerifyCommand</name>
    <message>
        <source>Check the payment ledger's hash chain: names an altered, removed or reordered row.</source>
        <translation>Check the payment ledger's hash chain: names an altered, removed or reordered row.</translation>
    </message>
    <message numerus="yes">
        <source>Payment ledger verified: %n row(s), chain intact.</source>
        <translation>
            <numerusform>Payment ledger verified: %n row, chain intact.</numerusform>
            <numerusform>Payment ledger verified: %n rows, chain intact.</numerusform>
        </translation>
    </message>
    <message>
        <source>Payment ledger NOT intact: %1</source>
        <translation>Payment ledger NOT intact: %1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayListCommand</name>
    <message>
        <source>List the payments of a day (default today).</source>
        <translation>List the payments of a day (default today).</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD (hospital time).</source>
        <translation>The day, YYYY-MM-DD (hospital time).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>--date must be YYYY-MM-DD</source>
        <translation>--date must be YYYY-MM-DD</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayReconcileCommand</name>
    <message>
        <source>Compare a day's payments in this kiosk's ledger with the pool's list.</source>
        <translation>Compare a day's payments in this kiosk's ledger with the pool's list.</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD (hospital time).</source>
        <translation>The day, YYYY-MM-DD (hospital time).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>--date YYYY-MM-DD is required</source>
        <translation>--date YYYY-MM-DD is required</translation>
    </message>
    <message>
        <source>no booking pool is configured (pool/base_url)</source>
        <translation>no booking pool is configured (pool/base_url)</translation>
    </message>
    <message>
        <source>cannot reconcile: %1</source>
        <translation>cannot reconcile: %1</translation>
    </message>
    <message>
        <source>%1: %2 payment(s) in the kiosk's ledger, %3 at the pool</source>
        <translation>%1: %2 payment(s) in the kiosk's ledger, %3 at the pool</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>No differences.</translation>
    </message>
</context>
<context>
    <name>mk::ctl::PayStatusCommand</name>
    <message>
        <source>Show today's payments by state and method, and what awaits review.</source>
        <translation>Show today's payments by state and method, and what awaits review.</translation>
    </message>
    <message>
        <source>cannot read the payments from the store</source>
        <translation>cannot read the payments from the store</translation>
    </message>
    <message>
        <source>Payments on %1:</source>
        <translation>Payments on %1:</translation>
    </message>
    <message>
        <source>  paid by %1: %2</source>
        <translation>  paid by %1: %2</translation>
    </message>
    <message>
        <source>Taken offline, waiting for the pool: %1 (%2)</source>
        <translation>Taken offline, waiting for the pool: %1 (%2)</translation>
    </message>
    <message>
        <source>Failed payments awaiting review: %1</source>
        <translation>Failed payments awaiting review: %1</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QrDecodeCommand</name>
    <message>
        <source>Decode the QR code of an image file (IMAGE) with the kiosk's decoder.</source>
        <translation>Decode the QR code of an image file (IMAGE) with the kiosk's decoder.</translation>
    </message>
    <message>
        <source>Usage: medkioskctl qr decode IMAGE [--json]</source>
        <translation>Usage: medkioskctl qr decode IMAGE [--json]</translation>
    </message>
    <message>
        <source>cannot read image %1: %2</source>
        <translation>cannot read image %1: %2</translation>
    </message>
    <message>
        <source>no QR code found</source>
        <translation>no QR code found</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueCtl</name>
    <message>
        <source>unknown (the relay has not run yet)</source>
        <translation>unknown (the relay has not run yet)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline since %1</source>
        <translation>offline since %1</translation>
    </message>
    <message>
        <source>pool:                 %1</source>
        <translation>pool:                 %1</translation>
    </message>
    <message>
        <source>waiting:              %1</source>
        <translation>waiting:              %1</translation>
    </message>
    <message>
        <source>oldest waiting:       %1 s (since %2)</source>
        <translation>oldest waiting:       %1 s (since %2)</translation>
    </message>
    <message>
        <source>last successful sync: %1</source>
        <translation>last successful sync: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>dead letters:         %1</source>
        <translation>dead letters:         %1</translation>
    </message>
    <message>
        <source>sent:                 %1</source>
        <translation>sent:                 %1</translation>
    </message>
    <message>
        <source>discarded:            %1</source>
        <translation>discarded:            %1</translation>
    </message>
    <message>
        <source>attempts %1</source>
        <translation>attempts %1</translation>
    </message>
    <message>
        <source>an outbox record id (a positive number) is required</source>
        <translation>an outbox record id (a positive number) is required</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueDiscardCommand</name>
    <message>
        <source>Give up an outbox record (ID) that must not be sent; --reason is required.</source>
        <translation>Give up an outbox record (ID) that must not be sent; --reason is required.</translation>
    </message>
    <message>
        <source>Why, for the audit log (required).</source>
        <translation>Why, for the audit log (required).</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>--reason is required</source>
        <translation>--reason is required</translation>
    </message>
    <message>
        <source>record %1 discarded</source>
        <translation>record %1 discarded</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueExportCommand</name>
    <message>
        <source>Write a redacted outbox report (no personal data) to FILE.</source>
        <translation>Write a redacted outbox report (no personal data) to FILE.</translation>
    </message>
    <message>
        <source>a file name is required</source>
        <translation>a file name is required</translation>
    </message>
    <message>
        <source>%1 records written to %2</source>
        <translation>%1 records written to %2</translation>
    </message>
    <message>
        <source>Replace FILE if it exists (only a regular file is ever replaced).</source>
        <translation>Replace FILE if it exists (only a regular file is ever replaced).</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueListCommand</name>
    <message>
        <source>List outbox records, newest first.</source>
        <translation>List outbox records, newest first.</translation>
    </message>
    <message>
        <source>Only records in this state: queued, sent, dead, discarded.</source>
        <translation>Only records in this state: queued, sent, dead, discarded.</translation>
    </message>
    <message>
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <source>At most this many (default 100).</source>
        <translation>At most this many (default 100).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>unknown state %1</source>
        <translation>unknown state %1</translation>
    </message>
    <message>
        <source>--limit must be a positive number</source>
        <translation>--limit must be a positive number</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>no records</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueRetryCommand</name>
    <message>
        <source>Queue a dead outbox record again (ID), keeping its idempotency key.</source>
        <translation>Queue a dead outbox record again (ID), keeping its idempotency key.</translation>
    </message>
    <message>
        <source>Why, for the audit log.</source>
        <translation>Why, for the audit log.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>retried by staff</source>
        <translation>retried by staff</translation>
    </message>
    <message>
        <source>record %1 queued again; the kiosk sends it at its next pass</source>
        <translation>record %1 queued again; the kiosk sends it at its next pass</translation>
    </message>
</context>
<context>
    <name>mk::ctl::QueueStatusCommand</name>
    <message>
        <source>Show the outbox: waiting commands, dead letters, pool connectivity.</source>
        <translation>Show the outbox: waiting commands, dead letters, pool connectivity.</translation>
    </message>
</context>
<context>
    <name>mk::ctl::StaffPinCommand</name>
    <message>
        <source>Set the staff PIN of the maintenance mode (read from standard input).</source>
        <translation>Set the staff PIN of the maintenance mode (read from standard input).</translation>
    </message>
    <message>
        <source>New staff PIN (%1 to %2 digits): </source>
        <translation>New staff PIN (%1 to %2 digits): </translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>Once more: </translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was changed</source>
        <translation>the two PINs differ; nothing was changed</translation>
    </message>
    <message>
        <source>staff PIN set; failed attempts and lockout cleared</source>
        <translation>staff PIN set; failed attempts and lockout cleared</translation>
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
    <name>mk::ctl::StoreRekeyCommand</name>
    <message>
        <source>Re-encrypt the stopped kiosk's store with a new random key, keeping every record.</source>
        <translation>Re-encrypt the stopped kiosk's store with a new random key, keeping every record.</translation>
    </message>
    <message>
        <source>Use the new key in FILE (made by medkiosk-ctl for the systemd credential) and leave replacing the old key to the caller.</source>
        <translation>Use the new key in FILE (made by medkiosk-ctl for the systemd credential) and leave replacing the old key to the caller.</translation>
    </message>
    <message>
        <source>Store re-encrypted with a new key: %1 rows in %2 tables kept (%3 ms in all).</source>
        <translation>Store re-encrypted with a new key: %1 rows in %2 tables kept (%3 ms in all).</translation>
    </message>
    <message>
        <source>Store not re-encrypted: %1</source>
        <translation>Store not re-encrypted: %1</translation>
    </message>
    <message>
        <source>Store re-encrypted, but the new key is not in place: %1</source>
        <translation>Store re-encrypted, but the new key is not in place: %1</translation>
    </message>
    <message>
        <source>Store key rotation stopped in an unclear state: %1</source>
        <translation>Store key rotation stopped in an unclear state: %1</translation>
    </message>
</context>
<context>
    <name>mk::face::Enrollment</name>
    <message>
        <source>Recognise you at this kiosk so that you can check in without your card.</source>
        <translation>Recognise you at this kiosk so that you can check in without your card.</translation>
    </message>
    <message>
        <source>A face template (128 numbers computed from your face). No photo is kept. It stays encrypted on this kiosk.</source>
        <translation>A face template (128 numbers computed from your face). No photo is kept. It stays encrypted on this kiosk.</translation>
    </message>
    <message>
        <source>no consent record for face data</source>
        <translation>no consent record for face data</translation>
    </message>
    <message>
        <source>face data retention must be at least one day</source>
        <translation>face data retention must be at least one day</translation>
    </message>
    <message>
        <source>age unknown: face enrollment needs the patient's age</source>
        <translation>age unknown: face enrollment needs the patient's age</translation>
    </message>
    <message>
        <source>patients under %1 cannot enroll their face at the kiosk</source>
        <translation>patients under %1 cannot enroll their face at the kiosk</translation>
    </message>
    <message>
        <source>patients under %1 need a guardian's consent for face data</source>
        <translation>patients under %1 need a guardian's consent for face data</translation>
    </message>
    <message>
        <source>%1 good frames needed, %2 collected</source>
        <translation>%1 good frames needed, %2 collected</translation>
    </message>
    <message>
        <source>the enrollment frames do not show the same face</source>
        <translation>the enrollment frames do not show the same face</translation>
    </message>
    <message>
        <source>the consent is for another patient</source>
        <translation>the consent is for another patient</translation>
    </message>
</context>
<context>
    <name>mk::face::FaceConfigLoader</name>
    <message>
        <source>[face] %1=%2 is not a number between %3 and %4</source>
        <translation>[face] %1=%2 is not a number between %3 and %4</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>cannot read %1</translation>
    </message>
    <message>
        <source>[face] a minimum is not below its maximum</source>
        <translation>[face] a minimum is not below its maximum</translation>
    </message>
</context>
<context>
    <name>mk::face::FaceEngine</name>
    <message>
        <source>face model %1 is missing (run scripts/fetch-face-models.sh)</source>
        <translation>face model %1 is missing (run scripts/fetch-face-models.sh)</translation>
    </message>
    <message>
        <source>face model %1 cannot be read: %2</source>
        <translation>face model %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>face model %1 is damaged: SHA-256 %2, expected %3 (fetch it again with scripts/fetch-face-models.sh)</source>
        <translation>face model %1 is damaged: SHA-256 %2, expected %3 (fetch it again with scripts/fetch-face-models.sh)</translation>
    </message>
    <message>
        <source>face models in %1 could not be loaded: %2</source>
        <translation>face models in %1 could not be loaded: %2</translation>
    </message>
    <message>
        <source>face models not loaded</source>
        <translation>face models not loaded</translation>
    </message>
    <message>
        <source>empty or tiny image</source>
        <translation>empty or tiny image</translation>
    </message>
    <message>
        <source>face detection failed: %1</source>
        <translation>face detection failed: %1</translation>
    </message>
    <message>
        <source>face description failed: %1</source>
        <translation>face description failed: %1</translation>
    </message>
    <message>
        <source>a face chip must be %1x%1 pixels, this image is %2x%3</source>
        <translation>a face chip must be %1x%1 pixels, this image is %2x%3</translation>
    </message>
    <message>
        <source>empty image</source>
        <translation>empty image</translation>
    </message>
    <message>
        <source>no face</source>
        <translation>no face</translation>
    </message>
</context>
<context>
    <name>mk::face::FaceEvaluation</name>
    <message>
        <source>%1 has no subfolder per person</source>
        <translation>%1 has no subfolder per person</translation>
    </message>
</context>
<context>
    <name>mk::face::Identifier</name>
    <message>
        <source>too many failed attempts: face identification paused for %1 s</source>
        <translation>too many failed attempts: face identification paused for %1 s</translation>
    </message>
    <message>
        <source>no enrolled face matches</source>
        <translation>no enrolled face matches</translation>
    </message>
    <message>
        <source>the phone digits do not match</source>
        <translation>the phone digits do not match</translation>
    </message>
    <message>
        <source>no face template for this patient</source>
        <translation>no face template for this patient</translation>
    </message>
    <message>
        <source>the face does not match the patient's template</source>
        <translation>the face does not match the patient's template</translation>
    </message>
</context>
<context>
    <name>mk::face::Liveness</name>
    <message>
        <source>Please turn your head slowly to your left, then look back.</source>
        <translation>Please turn your head slowly to your left, then look back.</translation>
    </message>
    <message>
        <source>Please turn your head slowly to your right, then look back.</source>
        <translation>Please turn your head slowly to your right, then look back.</translation>
    </message>
    <message>
        <source>Please lower your chin slowly, then look back at the camera.</source>
        <translation>Please lower your chin slowly, then look back at the camera.</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>Please look at the camera.</translation>
    </message>
    <message>
        <source>Look straight at the camera.</source>
        <translation>Look straight at the camera.</translation>
    </message>
</context>
<context>
    <name>mk::face::Quality</name>
    <message>
        <source>Hold still, thank you.</source>
        <translation>Hold still, thank you.</translation>
    </message>
    <message>
        <source>Only one person please. Others, please step out of the picture.</source>
        <translation>Only one person please. Others, please step out of the picture.</translation>
    </message>
    <message>
        <source>Please come a little closer to the camera.</source>
        <translation>Please come a little closer to the camera.</translation>
    </message>
    <message>
        <source>Please look straight at the camera.</source>
        <translation>Please look straight at the camera.</translation>
    </message>
    <message>
        <source>Please hold still for a moment.</source>
        <translation>Please hold still for a moment.</translation>
    </message>
    <message>
        <source>It is too dark. Please face the light or call staff.</source>
        <translation>It is too dark. Please face the light or call staff.</translation>
    </message>
    <message>
        <source>Too much light. Please step out of direct light.</source>
        <translation>Too much light. Please step out of direct light.</translation>
    </message>
    <message>
        <source>Please look at the camera.</source>
        <translation>Please look at the camera.</translation>
    </message>
    <message>
        <source>No face found. Please stand close in front of the camera and look at it.</source>
        <translation>No face found. Please stand close in front of the camera and look at it.</translation>
    </message>
</context>
<context>
    <name>mk::face::SqlTemplateStore</name>
    <message>
        <source>no face-data consent for this patient</source>
        <translation>no face-data consent for this patient</translation>
    </message>
</context>
<context>
    <name>mk::hw::CardReader</name>
    <message>
        <source>no card reader configured ([devices] card_reader = none)</source>
        <translation>no card reader configured ([devices] card_reader = none)</translation>
    </message>
    <message>
        <source>smart card service (pcscd) not running: %1</source>
        <translation>smart card service (pcscd) not running: %1</translation>
    </message>
    <message>
        <source>no card reader connected: plug in the reader</source>
        <translation>no card reader connected: plug in the reader</translation>
    </message>
    <message>
        <source>card reader "%1" not connected: plug it in</source>
        <translation>card reader "%1" not connected: plug it in</translation>
    </message>
    <message>
        <source>card removed while reading: insert the card again and leave it in</source>
        <translation>card removed while reading: insert the card again and leave it in</translation>
    </message>
    <message>
        <source>card could not be read (%1): try again</source>
        <translation>card could not be read (%1): try again</translation>
    </message>
</context>
<context>
    <name>mk::hw::DeviceSettings</name>
    <message>
        <source>%1: "%2" is not a whole number</source>
        <translation>%1: "%2" is not a whole number</translation>
    </message>
    <message>
        <source>%1: %2 is out of range (allowed %3 to %4); using %5</source>
        <translation>%1: %2 is out of range (allowed %3 to %4); using %5</translation>
    </message>
    <message>
        <source>%1: "%2" is not a number</source>
        <translation>%1: "%2" is not a number</translation>
    </message>
    <message>
        <source>%1: "%2" is not one of %3</source>
        <translation>%1: "%2" is not one of %3</translation>
    </message>
</context>
<context>
    <name>mk::hw::ReceiptPrinter</name>
    <message>
        <source>printer not reachable (%1): check its power and cable</source>
        <translation>printer not reachable (%1): check its power and cable</translation>
    </message>
    <message>
        <source>cover open: close the printer cover</source>
        <translation>cover open: close the printer cover</translation>
    </message>
    <message>
        <source>paper out: load a new paper roll and close the cover</source>
        <translation>paper out: load a new paper roll and close the cover</translation>
    </message>
    <message>
        <source>cutter error: open the cover, clear the paper jam, close the cover</source>
        <translation>cutter error: open the cover, clear the paper jam, close the cover</translation>
    </message>
    <message>
        <source>printer error: switch the printer off and on again</source>
        <translation>printer error: switch the printer off and on again</translation>
    </message>
    <message>
        <source>printer offline: check paper and cover; it resumes by itself when cleared</source>
        <translation>printer offline: check paper and cover; it resumes by itself when cleared</translation>
    </message>
    <message>
        <source>paper near end: replace the paper roll soon</source>
        <translation>paper near end: replace the paper roll soon</translation>
    </message>
    <message>
        <source>no printer configured ([devices] printer_transport = none)</source>
        <translation>no printer configured ([devices] printer_transport = none)</translation>
    </message>
    <message>
        <source>unknown [devices] printer_transport: use serial, usblp or tcp</source>
        <translation>unknown [devices] printer_transport: use serial, usblp or tcp</translation>
    </message>
    <message>
        <source>printer stopped</source>
        <translation>printer stopped</translation>
    </message>
</context>
<context>
    <name>mk::hw::Speaker</name>
    <message>
        <source>speech off ([devices] speech_engine = none)</source>
        <translation>speech off ([devices] speech_engine = none)</translation>
    </message>
    <message>
        <source>speech not started</source>
        <translation>speech not started</translation>
    </message>
    <message>
        <source>no audio output (no sound card in /dev/snd, no PulseAudio or PipeWire): numbers are shown and printed, not spoken</source>
        <translation>no audio output (no sound card in /dev/snd, no PulseAudio or PipeWire): numbers are shown and printed, not spoken</translation>
    </message>
    <message>
        <source>speech engine "%1" not installed (Debian: qt6-speech-speechd-plugin, speech-dispatcher-espeak-ng)</source>
        <translation>speech engine "%1" not installed (Debian: qt6-speech-speechd-plugin, speech-dispatcher-espeak-ng)</translation>
    </message>
    <message>
        <source>speech engine error: %1</source>
        <translation>speech engine error: %1</translation>
    </message>
    <message>
        <source>no Chinese or English voice installed (espeak-ng-data)</source>
        <translation>no Chinese or English voice installed (espeak-ng-data)</translation>
    </message>
    <message>
        <source>no Mandarin voice: Chinese is not spoken</source>
        <translation>no Mandarin voice: Chinese is not spoken</translation>
    </message>
    <message>
        <source>no English voice: English is not spoken</source>
        <translation>no English voice: English is not spoken</translation>
    </message>
    <message>
        <source>%1; zh: %2; en: %3</source>
        <translation>%1; zh: %2; en: %3</translation>
    </message>
    <message>
        <source>no voice for this language</source>
        <translation>no voice for this language</translation>
    </message>
    <message>
        <source>speech stopped</source>
        <translation>speech stopped</translation>
    </message>
</context>
<context>
    <name>mk::identity::AuthText</name>
    <message>
        <source>Out of service: the booking pool does not accept this kiosk's identity (%1). IT: register this kiosk's key (medkioskctl identity export-jwks) or check its clock.</source>
        <translation>Out of service: the booking pool does not accept this kiosk's identity (%1). IT: register this kiosk's key (medkioskctl identity export-jwks) or check its clock.</translation>
    </message>
    <message>
        <source>Out of service: the booking pool does not allow this kiosk everything it needs (%1). IT: grant the scopes listed in docs/pool-protocol.md.</source>
        <translation>Out of service: the booking pool does not allow this kiosk everything it needs (%1). IT: grant the scopes listed in docs/pool-protocol.md.</translation>
    </message>
    <message>
        <source>Out of service: this kiosk has no usable identity key (%1). IT: run medkioskctl identity init and register the key.</source>
        <translation>Out of service: this kiosk has no usable identity key (%1). IT: run medkioskctl identity init and register the key.</translation>
    </message>
    <message>
        <source>The booking pool's sign-in service does not answer (%1); the kiosk keeps trying.</source>
        <translation>The booking pool's sign-in service does not answer (%1); the kiosk keeps trying.</translation>
    </message>
    <message>
        <source>This kiosk is out of service</source>
        <translation>This kiosk is out of service</translation>
    </message>
    <message>
        <source>Sorry, this kiosk cannot be used right now. Please go to the registration window, where staff will help you.</source>
        <translation>Sorry, this kiosk cannot be used right now. Please go to the registration window, where staff will help you.</translation>
    </message>
</context>
<context>
    <name>mk::identity::IdentityKey</name>
    <message>
        <source>OpenSSL could not make an EC P-384 key</source>
        <translation>OpenSSL could not make an EC P-384 key</translation>
    </message>
    <message>
        <source>OpenSSL could not write the new key</source>
        <translation>OpenSSL could not write the new key</translation>
    </message>
    <message>
        <source>the identity key is not a PEM private key</source>
        <translation>the identity key is not a PEM private key</translation>
    </message>
    <message>
        <source>the identity key is not an EC P-384 key (ES384 needs one)</source>
        <translation>the identity key is not an EC P-384 key (ES384 needs one)</translation>
    </message>
    <message>
        <source>the identity key has no public point</source>
        <translation>the identity key has no public point</translation>
    </message>
    <message>
        <source>cjose could not make the public JWK: %1</source>
        <translation>cjose could not make the public JWK: %1</translation>
    </message>
    <message>
        <source>cjose could not write the JWK</source>
        <translation>cjose could not write the JWK</translation>
    </message>
</context>
<context>
    <name>mk::identity::KioskIdentity</name>
    <message>
        <source>systemd credential %1</source>
        <translation>systemd credential %1</translation>
    </message>
    <message>
        <source>key file %1 (made now)</source>
        <translation>key file %1 (made now)</translation>
    </message>
    <message>
        <source>key file %1</source>
        <translation>key file %1</translation>
    </message>
    <message>
        <source>cannot open the identity key %1: %2</source>
        <translation>cannot open the identity key %1: %2</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <source>owned by uid %1, not by the kiosk's user (uid %2)</source>
        <translation>owned by uid %1, not by the kiosk's user (uid %2)</translation>
    </message>
    <message>
        <source>mode %1 lets others read it; it must be 0600 (chmod 600, and consider the key exposed: rotate it)</source>
        <translation>mode %1 lets others read it; it must be 0600 (chmod 600, and consider the key exposed: rotate it)</translation>
    </message>
    <message>
        <source>too large for a key</source>
        <translation>too large for a key</translation>
    </message>
    <message>
        <source>refusing the identity key %1: %2</source>
        <translation>refusing the identity key %1: %2</translation>
    </message>
    <message>
        <source>the identity key %1 cannot be used: %2</source>
        <translation>the identity key %1 cannot be used: %2</translation>
    </message>
    <message>
        <source>cannot write the identity key %1: %2</source>
        <translation>cannot write the identity key %1: %2</translation>
    </message>
    <message>
        <source>no identity key file is configured</source>
        <translation>no identity key file is configured</translation>
    </message>
    <message>
        <source>this kiosk has no identity key yet (neither the systemd credential %1 nor %2): run "medkioskctl identity init"</source>
        <translation>this kiosk has no identity key yet (neither the systemd credential %1 nor %2): run "medkioskctl identity init"</translation>
    </message>
    <message>
        <source>the identity key is the systemd credential %1: rotate it with the packaging's credential tooling (docs/identity.md)</source>
        <translation>the identity key is the systemd credential %1: rotate it with the packaging's credential tooling (docs/identity.md)</translation>
    </message>
    <message>
        <source>a new key already waits for registration (%1); register the JWKS from "medkioskctl identity export-jwks" with the pool</source>
        <translation>a new key already waits for registration (%1); register the JWKS from "medkioskctl identity export-jwks" with the pool</translation>
    </message>
    <message>
        <source>cannot put the new identity key in place: %1</source>
        <translation>cannot put the new identity key in place: %1</translation>
    </message>
</context>
<context>
    <name>mk::outbox::Outbox</name>
    <message>
        <source>an outbox command needs a kind and an ordering key</source>
        <translation>an outbox command needs a kind and an ordering key</translation>
    </message>
    <message>
        <source>there is no outbox record %1</source>
        <translation>there is no outbox record %1</translation>
    </message>
    <message>
        <source>who is required</source>
        <translation>who is required</translation>
    </message>
    <message>
        <source>record %1 is %2: only dead or discarded records can be retried</source>
        <translation>record %1 is %2: only dead or discarded records can be retried</translation>
    </message>
    <message>
        <source>who and a reason are required</source>
        <translation>who and a reason are required</translation>
    </message>
    <message>
        <source>record %1 is %2: only queued or dead records can be discarded</source>
        <translation>record %1 is %2: only queued or dead records can be discarded</translation>
    </message>
</context>
<context>
    <name>mk::qr::QrImage</name>
    <message>
        <source>No text for the QR code</source>
        <translation>No text for the QR code</translation>
    </message>
    <message>
        <source>Text too long for a QR code</source>
        <translation>Text too long for a QR code</translation>
    </message>
    <message>
        <source>Cannot make a QR code: %1</source>
        <translation>Cannot make a QR code: %1</translation>
    </message>
    <message>
        <source>Cannot make a QR code</source>
        <translation>Cannot make a QR code</translation>
    </message>
    <message>
        <source>A QR code of this text needs at least %1 pixels</source>
        <translation>A QR code of this text needs at least %1 pixels</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>No image</translation>
    </message>
    <message>
        <source>No QR code found in the image</source>
        <translation>No QR code found in the image</translation>
    </message>
    <message>
        <source>QR decoder failed: %1</source>
        <translation>QR decoder failed: %1</translation>
    </message>
    <message>
        <source>QR decoder failed</source>
        <translation>QR decoder failed</translation>
    </message>
</context>
<context>
    <name>mk::staff::Maintenance</name>
    <message>
        <source>a reason is required to discard a record</source>
        <translation>a reason is required to discard a record</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>cannot create the folder %1</translation>
    </message>
    <message>
        <source>cannot make the folder %1 private to the kiosk</source>
        <translation>cannot make the folder %1 private to the kiosk</translation>
    </message>
</context>
<context>
    <name>mk::staff::StaffPin</name>
    <message>
        <source>the staff PIN must be %1 to %2 digits</source>
        <translation>the staff PIN must be %1 to %2 digits</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. IT support sets one with: medkioskctl staff set-pin (it reads the PIN from the keyboard).</source>
        <translation>No staff PIN is set on this kiosk. IT support sets one with: medkioskctl staff set-pin (it reads the PIN from the keyboard).</translation>
    </message>
    <message>
        <source>no random bytes for the PIN salt</source>
        <translation>no random bytes for the PIN salt</translation>
    </message>
    <message>
        <source>PBKDF2 failed</source>
        <translation>PBKDF2 failed</translation>
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
    <message>
        <source>cannot prepare the folder %1 for the store key: %2</source>
        <translation>cannot prepare the folder %1 for the store key: %2</translation>
    </message>
    <message>
        <source>cannot make the store key file %1 private (chmod 0600): %2</source>
        <translation>cannot make the store key file %1 private (chmod 0600): %2</translation>
    </message>
    <message>
        <source>cannot flush the folder of the store key file %1: %2</source>
        <translation>cannot flush the folder of the store key file %1: %2</translation>
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
    <message>
        <source>the store key must be %1 bytes</source>
        <translation>the store key must be %1 bytes</translation>
    </message>
    <message>
        <source>SQLCipher not linked: refusing to run</source>
        <translation>SQLCipher not linked: refusing to run</translation>
    </message>
    <message>
        <source>cannot re-encrypt the store with the new key</source>
        <translation>cannot re-encrypt the store with the new key</translation>
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
        <source>the store key must be %1 bytes</source>
        <translation>the store key must be %1 bytes</translation>
    </message>
    <message>
        <source>no store path configured</source>
        <translation>no store path configured</translation>
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
    <message>
        <source>cannot open the store file %1: %2</source>
        <translation>cannot open the store file %1: %2</translation>
    </message>
    <message>
        <source>the store path %1 is not a regular file</source>
        <translation>the store path %1 is not a regular file</translation>
    </message>
    <message>
        <source>cannot make the store file %1 private (chmod 0600): %2</source>
        <translation>cannot make the store file %1 private (chmod 0600): %2</translation>
    </message>
    <message>
        <source>no store file at %1 (the kiosk creates it on first start)</source>
        <translation>no store file at %1 (the kiosk creates it on first start)</translation>
    </message>
    <message>
        <source>the file %1 is empty (0 bytes): it is not a medkiosk store. It was left untouched.</source>
        <translation>the file %1 is empty (0 bytes): it is not a medkiosk store. It was left untouched.</translation>
    </message>
    <message>
        <source>the file %1 is a database without medkiosk's schema: not a medkiosk store (or one never opened by the kiosk). It was left untouched.</source>
        <translation>the file %1 is a database without medkiosk's schema: not a medkiosk store (or one never opened by the kiosk). It was left untouched.</translation>
    </message>
    <message>
        <source>the store %1 has schema version %2 and this program %3; this tool does not migrate a store (the kiosk of the matching version does). Nothing was changed.</source>
        <translation>the store %1 has schema version %2 and this program %3; this tool does not migrate a store (the kiosk of the matching version does). Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>mk::store::StoreRecovery</name>
    <message>
        <source>no store file</source>
        <translation>no store file</translation>
    </message>
    <message>
        <source>not readable with this key (wrong key, not a store, or damaged)</source>
        <translation>not readable with this key (wrong key, not a store, or damaged)</translation>
    </message>
    <message>
        <source>damaged: the quick check found problems</source>
        <translation>damaged: the quick check found problems</translation>
    </message>
    <message>
        <source>readable</source>
        <translation>readable</translation>
    </message>
    <message>
        <source>cannot move the store %1 aside to %2</source>
        <translation>cannot move the store %1 aside to %2</translation>
    </message>
    <message>
        <source>cannot move %1 aside to %2</source>
        <translation>cannot move %1 aside to %2</translation>
    </message>
</context>
<context>
    <name>mk::store::StoreRekey</name>
    <message>
        <source>the store %1 is open in another process (pid %2; the kiosk keeps it open while it runs). Stop the kiosk first (systemctl stop medkiosk) and run this again. Nothing was changed.</source>
        <translation>the store %1 is open in another process (pid %2; the kiosk keeps it open while it runs). Stop the kiosk first (systemctl stop medkiosk) and run this again. Nothing was changed.</translation>
    </message>
    <message>
        <source>The store still opens with the old key; nothing was lost.</source>
        <translation>The store still opens with the old key; nothing was lost.</translation>
    </message>
    <message>
        <source>the store key is the systemd credential %1, which this program cannot replace. Run "medkiosk-ctl store rekey" as root: it makes the new credential beside the old one with
  %2
and gives it to this program with --new-key-file. Nothing was changed.</source>
        <translation>the store key is the systemd credential %1, which this program cannot replace. Run "medkiosk-ctl store rekey" as root: it makes the new credential beside the old one with
  %2
and gives it to this program with --new-key-file. Nothing was changed.</translation>
    </message>
    <message>
        <source>the new key file %1 does not exist. Nothing was changed.</source>
        <translation>the new key file %1 does not exist. Nothing was changed.</translation>
    </message>
    <message>
        <source>the new key in %1 is the key in use. Nothing was changed.</source>
        <translation>the new key in %1 is the key in use. Nothing was changed.</translation>
    </message>
    <message>
        <source>removed the unused new key file %1</source>
        <translation>removed the unused new key file %1</translation>
    </message>
    <message>
        <source>could not remove the unused new key file %1 (%2): delete it</source>
        <translation>could not remove the unused new key file %1 (%2): delete it</translation>
    </message>
    <message>
        <source>the store already opens only with the new key in %1 (an earlier rotation was interrupted): nothing to re-encrypt</source>
        <translation>the store already opens only with the new key in %1 (an earlier rotation was interrupted): nothing to re-encrypt</translation>
    </message>
    <message>
        <source>cannot open the store %1 with its key (%2). Nothing was changed.</source>
        <translation>cannot open the store %1 with its key (%2). Nothing was changed.</translation>
    </message>
    <message>
        <source>found the new key file %1 of an interrupted rotation: it is used</source>
        <translation>found the new key file %1 of an interrupted rotation: it is used</translation>
    </message>
    <message>
        <source>the store %1 is not in WAL mode (the kiosk switches it at its first start): start the kiosk once, stop it, and run this again. Nothing was changed.</source>
        <translation>the store %1 is not in WAL mode (the kiosk switches it at its first start): start the kiosk once, stop it, and run this again. Nothing was changed.</translation>
    </message>
    <message>
        <source>the store %1 fails its integrity check (%2): a damaged store is not re-encrypted. Nothing was changed.</source>
        <translation>the store %1 fails its integrity check (%2): a damaged store is not re-encrypted. Nothing was changed.</translation>
    </message>
    <message>
        <source>opened the store %1 alone with the old key (%2): schema %3, integrity ok, %4 rows in %5 tables</source>
        <translation>opened the store %1 alone with the old key (%2): schema %3, integrity ok, %4 rows in %5 tables</translation>
    </message>
    <message>
        <source>cannot write the new key file: %1. %2</source>
        <translation>cannot write the new key file: %1. %2</translation>
    </message>
    <message>
        <source>wrote a new random 256-bit key to %1 (mode 0600, flushed to the disk)</source>
        <translation>wrote a new random 256-bit key to %1 (mode 0600, flushed to the disk)</translation>
    </message>
    <message>
        <source>re-encrypting failed (%1). %2</source>
        <translation>re-encrypting failed (%1). %2</translation>
    </message>
    <message>
        <source>re-encrypting failed (%1) and the store opens with neither key now. Both keys are kept: the old one (%2) and the new one in %3. Do not delete anything; run "medkioskctl store check" with each and call support.</source>
        <translation>re-encrypting failed (%1) and the store opens with neither key now. Both keys are kept: the old one (%2) and the new one in %3. Do not delete anything; run "medkioskctl store check" with each and call support.</translation>
    </message>
    <message>
        <source>re-encrypted the store with the new key (PRAGMA rekey, %1 ms)</source>
        <translation>re-encrypted the store with the new key (PRAGMA rekey, %1 ms)</translation>
    </message>
    <message>
        <source>re-encrypting did not complete: the check with the new key failed (%1). %2</source>
        <translation>re-encrypting did not complete: the check with the new key failed (%1). %2</translation>
    </message>
    <message>
        <source>row counts differ</source>
        <translation>row counts differ</translation>
    </message>
    <message>
        <source>the check with the new key failed (%1) and the old key does not open the store. Both keys are kept: the old one (%2) and the new one in %3. Do not delete anything; call support.</source>
        <translation>the check with the new key failed (%1) and the old key does not open the store. Both keys are kept: the old one (%2) and the new one in %3. Do not delete anything; call support.</translation>
    </message>
    <message>
        <source>the old key still opens the store after re-encrypting. Both keys are kept; call support.</source>
        <translation>the old key still opens the store after re-encrypting. Both keys are kept; call support.</translation>
    </message>
    <message>
        <source>reopened it with the new key: integrity ok, the same %1 rows in %2 tables; the old key no longer opens it</source>
        <translation>reopened it with the new key: integrity ok, the same %1 rows in %2 tables; the old key no longer opens it</translation>
    </message>
    <message>
        <source>the store is re-encrypted and opens only with the new key, in %1, but it could not replace %2 (%3). Do it now: mv %1 %2</source>
        <translation>the store is re-encrypted and opens only with the new key, in %1, but it could not replace %2 (%3). Do it now: mv %1 %2</translation>
    </message>
    <message>
        <source>replaced the key file %1 with the new key (the old key is gone)</source>
        <translation>replaced the key file %1 with the new key (the old key is gone)</translation>
    </message>
    <message>
        <source>cannot read %1 (%2)</source>
        <translation>cannot read %1 (%2)</translation>
    </message>
    <message>
        <source>%1 does not name a new key</source>
        <translation>%1 does not name a new key</translation>
    </message>
    <message>
        <source>the store key rotation is complete but its marker %1 cannot be removed (%2): remove it, then start again. Nothing was changed.</source>
        <translation>the store key rotation is complete but its marker %1 cannot be removed (%2): remove it, then start again. Nothing was changed.</translation>
    </message>
    <message>
        <source>medkiosk-ctl store rekey (as root)</source>
        <translation>medkiosk-ctl store rekey (as root)</translation>
    </message>
    <message>
        <source>medkioskctl store rekey (as the kiosk's user)</source>
        <translation>medkioskctl store rekey (as the kiosk's user)</translation>
    </message>
    <message>
        <source>a store key rotation was interrupted (%1 exists%2) and the store may need the new key. Nothing was changed: the store %3 was not opened, moved or replaced. To finish the rotation run %4, then start the kiosk again.</source>
        <translation>a store key rotation was interrupted (%1 exists%2) and the store may need the new key. Nothing was changed: the store %3 was not opened, moved or replaced. To finish the rotation run %4, then start the kiosk again.</translation>
    </message>
    <message>
        <source>; the key in use is not its new key</source>
        <translation>; the key in use is not its new key</translation>
    </message>
    <message>
        <source>an earlier rotation had completed; its marker %1 was removed</source>
        <translation>an earlier rotation had completed; its marker %1 was removed</translation>
    </message>
    <message>
        <source>a key rotation was interrupted (%1) with a new key that is neither the key in use nor the one in %2. Do not delete anything; put back the new key file of that rotation and run this again, or call support. Nothing was changed.</source>
        <translation>a key rotation was interrupted (%1) with a new key that is neither the key in use nor the one in %2. Do not delete anything; put back the new key file of that rotation and run this again, or call support. Nothing was changed.</translation>
    </message>
    <message>
        <source>removed the rotation marker %1</source>
        <translation>removed the rotation marker %1</translation>
    </message>
    <message>
        <source>could not remove the rotation marker %1 (%2): delete it</source>
        <translation>could not remove the rotation marker %1 (%2): delete it</translation>
    </message>
    <message>
        <source>cannot write the rotation marker: %1. %2</source>
        <translation>cannot write the rotation marker: %1. %2</translation>
    </message>
    <message>
        <source>wrote the rotation marker %1 (names the new key by its SHA-256)</source>
        <translation>wrote the rotation marker %1 (names the new key by its SHA-256)</translation>
    </message>
    <message>
        <source>the store's key is now the one in %1: replace the old key with it now (until then the kiosk refuses to start; the first start with the new key removes the marker %2)</source>
        <translation>the store's key is now the one in %1: replace the old key with it now (until then the kiosk refuses to start; the first start with the new key removes the marker %2)</translation>
    </message>
</context>
<context>
    <name>mk::ui::ArrivalListPage</name>
    <message>
        <source>Choose the appointment to check in</source>
        <translation>Choose the appointment to check in</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached right now: these are the appointments known at this kiosk.</source>
        <translation>The hospital system cannot be reached right now: these are the appointments known at this kiosk.</translation>
    </message>
    <message>
        <source>%1 (already checked in)</source>
        <translation>%1 (already checked in)</translation>
    </message>
</context>
<context>
    <name>mk::ui::BusyIndicator</name>
    <message>
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>mk::ui::CheckinScreen</name>
    <message>
        <source>Scan your appointment code</source>
        <translation>Scan your appointment code</translation>
    </message>
    <message>
        <source>Hold the QR code of your appointment (on your phone or on paper) under the scanner window below the screen.</source>
        <translation>Hold the QR code of your appointment (on your phone or on paper) under the scanner window below the screen.</translation>
    </message>
    <message>
        <source>Your visit number</source>
        <translation>Your visit number</translation>
    </message>
    <message>
        <source>PROVISIONAL: the hospital system is offline; the nurse will confirm your number.</source>
        <translation>PROVISIONAL: the hospital system is offline; the nurse will confirm your number.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Scan another code</source>
        <translation>Scan another code</translation>
    </message>
    <message>
        <source>Check-in is not available at this kiosk. Please ask staff.</source>
        <translation>Check-in is not available at this kiosk. Please ask staff.</translation>
    </message>
    <message>
        <source>Checking your code...</source>
        <translation>Checking your code...</translation>
    </message>
    <message>
        <source>Appointment %1</source>
        <translation>Appointment %1</translation>
    </message>
    <message>
        <source>Please take a photo of this number; the printer is not available.</source>
        <translation>Please take a photo of this number; the printer is not available.</translation>
    </message>
    <message>
        <source>Visit ticket</source>
        <translation>Visit ticket</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Please wait until your number is called.</translation>
    </message>
    <message>
        <source>PROVISIONAL</source>
        <translation>PROVISIONAL</translation>
    </message>
    <message>
        <source>The hospital system confirmed your visit number: %1.</source>
        <translation>The hospital system confirmed your visit number: %1.</translation>
    </message>
    <message>
        <source>Hold the QR code of your appointment (on your phone or on paper) inside the frame in front of the camera.</source>
        <translation>Hold the QR code of your appointment (on your phone or on paper) inside the frame in front of the camera.</translation>
    </message>
    <message>
        <source>No code? Insert your patient card into the card reader.</source>
        <translation>No code? Insert your patient card into the card reader.</translation>
    </message>
    <message>
        <source>No code or card? Sign in with your face</source>
        <translation>No code or card? Sign in with your face</translation>
    </message>
    <message>
        <source>Reading your appointments...</source>
        <translation>Reading your appointments...</translation>
    </message>
</context>
<context>
    <name>mk::ui::ChildChoiceScreen</name>
    <message>
        <source>%1 years old</source>
        <translation>%1 years old</translation>
    </message>
    <message>
        <source>Myself: %1 (%2)</source>
        <translation>Myself: %1 (%2)</translation>
    </message>
    <message>
        <source>My child: %1 (%2)</source>
        <translation>My child: %1 (%2)</translation>
    </message>
    <message>
        <source>Who is the appointment for?</source>
        <translation>Who is the appointment for?</translation>
    </message>
    <message>
        <source>Tap the person who will see the doctor.</source>
        <translation>Tap the person who will see the doctor.</translation>
    </message>
    <message>
        <source>Whose bills do you want to pay?</source>
        <translation>Whose bills do you want to pay?</translation>
    </message>
    <message>
        <source>Tap the person whose bills you want to see.</source>
        <translation>Tap the person whose bills you want to see.</translation>
    </message>
</context>
<context>
    <name>mk::ui::ConfirmScreen</name>
    <message>
        <source>Please check your booking</source>
        <translation>Please check your booking</translation>
    </message>
    <message>
        <source>Booking… please wait.</source>
        <translation>Booking… please wait.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Confirm booking</source>
        <translation>Confirm booking</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Department: %1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>Doctor: %1</translation>
    </message>
    <message>
        <source>Time: %1–%2</source>
        <translation>Time: %1–%2</translation>
    </message>
    <message>
        <source>This time was just taken by someone else. Please go back and choose another time.</source>
        <translation>This time was just taken by someone else. Please go back and choose another time.</translation>
    </message>
    <message>
        <source>This time was just taken by someone else.</source>
        <translation>This time was just taken by someone else.</translation>
    </message>
    <message>
        <source>These times are still free:</source>
        <translation>These times are still free:</translation>
    </message>
    <message>
        <source>Booking needs a connection to the hospital system. Please try again in a moment, or book at the service desk.</source>
        <translation>Booking needs a connection to the hospital system. Please try again in a moment, or book at the service desk.</translation>
    </message>
</context>
<context>
    <name>mk::ui::CreditOpenScreen</name>
    <message>
        <source>Credit care cannot be opened at this kiosk.</source>
        <translation>Credit care cannot be opened at this kiosk.</translation>
    </message>
    <message>
        <source>Opening credit care needs the hospital system, which cannot be reached now. Please try again later.</source>
        <translation>Opening credit care needs the hospital system, which cannot be reached now. Please try again later.</translation>
    </message>
    <message>
        <source>The agreement could not be read now. %1</source>
        <translation>The agreement could not be read now. %1</translation>
    </message>
    <message>
        <source>Open credit care</source>
        <translation>Open credit care</translation>
    </message>
    <message>
        <source>Reading the agreement...</source>
        <translation>Reading the agreement...</translation>
    </message>
    <message>
        <source>I have read it</source>
        <translation>I have read it</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Do you agree to open credit care under this agreement?

The hospital's credit service checks your credit and decides on your credit line. Bills you pay on credit are repaid later in the hospital's app. This is optional: you can always pay by phone or at the cashier window.</source>
        <translation>Do you agree to open credit care under this agreement?

The hospital's credit service checks your credit and decides on your credit line. Bills you pay on credit are repaid later in the hospital's app. This is optional: you can always pay by phone or at the cashier window.</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>I agree</translation>
    </message>
    <message>
        <source>I do not agree</source>
        <translation>I do not agree</translation>
    </message>
    <message>
        <source>Confirm with the last 4 digits of your phone number.</source>
        <translation>Confirm with the last 4 digits of your phone number.</translation>
    </message>
    <message>
        <source>First, a quick face check.</source>
        <translation>First, a quick face check.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Asking the credit service. Please wait...</source>
        <translation>Asking the credit service. Please wait...</translation>
    </message>
    <message>
        <source>Back to my bills</source>
        <translation>Back to my bills</translation>
    </message>
    <message>
        <source>Credit care is open. Your credit line is %1. You can pay your bills on credit now.</source>
        <translation>Credit care is open. Your credit line is %1. You can pay your bills on credit now.</translation>
    </message>
    <message>
        <source>The credit service did not open credit care. Reason: %1
You can still pay by phone or at the cashier window.</source>
        <translation>The credit service did not open credit care. Reason: %1
You can still pay by phone or at the cashier window.</translation>
    </message>
    <message>
        <source>The credit service could not confirm your identity. Nothing was opened. Please try again, or ask at the service desk.</source>
        <translation>The credit service could not confirm your identity. Nothing was opened. Please try again, or ask at the service desk.</translation>
    </message>
    <message>
        <source>Opening credit care needs the hospital system, which cannot be reached now. Nothing was opened. Please try again later.</source>
        <translation>Opening credit care needs the hospital system, which cannot be reached now. Nothing was opened. Please try again later.</translation>
    </message>
    <message>
        <source>Credit care could not be opened now. %1</source>
        <translation>Credit care could not be opened now. %1</translation>
    </message>
</context>
<context>
    <name>mk::ui::DayScreen</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Choose a day</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>Any doctor</translation>
    </message>
</context>
<context>
    <name>mk::ui::DepartmentScreen</name>
    <message>
        <source>Choose a department</source>
        <translation>Choose a department</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Shown from the last connection (%1); it may not be current.</source>
        <translation>Shown from the last connection (%1); it may not be current.</translation>
    </message>
</context>
<context>
    <name>mk::ui::DoctorScreen</name>
    <message>
        <source>Choose a doctor</source>
        <translation>Choose a doctor</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Shown from the last connection (%1); it may not be current.</source>
        <translation>Shown from the last connection (%1); it may not be current.</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>Any doctor</translation>
    </message>
    <message>
        <source>The first free time</source>
        <translation>The first free time</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceChallenge</name>
    <message>
        <source>Step 1 of 2: a short head movement</source>
        <translation>Step 1 of 2: a short head movement</translation>
    </message>
    <message>
        <source>Keep looking straight at the camera, it takes a moment.</source>
        <translation>Keep looking straight at the camera, it takes a moment.</translation>
    </message>
    <message>
        <source>Keep going, slowly. %1</source>
        <extracomment>%1: the movement's instruction, e.g. "Please turn your head slowly to your left, ..."</extracomment>
        <translation>Keep going, slowly. %1</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceConsentScreen</name>
    <message>
        <source>Use your face to sign in next time?</source>
        <translation>Use your face to sign in next time?</translation>
    </message>
    <message numerus="yes">
        <source>Purpose: to identify you at this kiosk, then you confirm with the last 4 digits of your phone number.
What is stored: a face template (128 numbers), never a photo.
Kept for %n day(s), then deleted automatically.
You can withdraw at any time: press "Delete my face data" on this screen, or ask the staff at the service desk.
This is optional: scanning a code or a card always works.</source>
        <translation>
            <numerusform>Purpose: to identify you at this kiosk, then you confirm with the last 4 digits of your phone number.
What is stored: a face template (128 numbers), never a photo.
Kept for %n day, then deleted automatically.
You can withdraw at any time: press "Delete my face data" on this screen, or ask the staff at the service desk.
This is optional: scanning a code or a card always works.</numerusform>
            <numerusform>Purpose: to identify you at this kiosk, then you confirm with the last 4 digits of your phone number.
What is stored: a face template (128 numbers), never a photo.
Kept for %n days, then deleted automatically.
You can withdraw at any time: press "Delete my face data" on this screen, or ask the staff at the service desk.
This is optional: scanning a code or a card always works.</numerusform>
        </translation>
    </message>
    <message>
        <source>Face sign-in is not offered for this patient. You can always use a code or a card.</source>
        <translation>Face sign-in is not offered for this patient. You can always use a code or a card.</translation>
    </message>
    <message>
        <source>I am the guardian and agree</source>
        <translation>I am the guardian and agree</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Agree</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Delete my face data</source>
        <translation>Delete my face data</translation>
    </message>
    <message>
        <source>Your face data could not be deleted now. Please ask staff.</source>
        <translation>Your face data could not be deleted now. Please ask staff.</translation>
    </message>
    <message>
        <source>Your face data has been deleted.</source>
        <translation>Your face data has been deleted.</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceEnrollScreen</name>
    <message>
        <source>Face sign-in is not available now.</source>
        <translation>Face sign-in is not available now.</translation>
    </message>
    <message>
        <source>The camera picture could not be used.</source>
        <translation>The camera picture could not be used.</translation>
    </message>
    <message>
        <source>We could not see the head movement. Please try again.</source>
        <translation>We could not see the head movement. Please try again.</translation>
    </message>
    <message>
        <source>The pictures did not agree. Please try again.</source>
        <translation>The pictures did not agree. Please try again.</translation>
    </message>
    <message>
        <source>Your face could not be saved now. Please ask staff.</source>
        <translation>Your face could not be saved now. Please ask staff.</translation>
    </message>
    <message>
        <source>Your face data has been deleted.</source>
        <translation>Your face data has been deleted.</translation>
    </message>
    <message>
        <source>Your face data could not be deleted now. Please ask staff.</source>
        <translation>Your face data could not be deleted now. Please ask staff.</translation>
    </message>
    <message>
        <source>Look at the camera</source>
        <translation>Look at the camera</translation>
    </message>
    <message>
        <source>Scan a code or insert a card instead</source>
        <translation>Scan a code or insert a card instead</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Delete my face data</source>
        <translation>Delete my face data</translation>
    </message>
    <message>
        <source>Look straight at the camera and hold still.</source>
        <translation>Look straight at the camera and hold still.</translation>
    </message>
    <message>
        <source>Step 2 of 2: picture %1 of %2</source>
        <translation>Step 2 of 2: picture %1 of %2</translation>
    </message>
    <message>
        <source>Done. Next time you can sign in with your face.</source>
        <translation>Done. Next time you can sign in with your face.</translation>
    </message>
</context>
<context>
    <name>mk::ui::FaceIdentifyScreen</name>
    <message>
        <source>Sign in with your face</source>
        <translation>Sign in with your face</translation>
    </message>
    <message>
        <source>Scan a code or insert a card instead</source>
        <translation>Scan a code or insert a card instead</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Those digits do not match. Please try again.</source>
        <translation>Those digits do not match. Please try again.</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number.</source>
        <translation>Please enter the last 4 digits of your phone number.</translation>
    </message>
    <message>
        <source>Thank you, you are signed in.</source>
        <translation>Thank you, you are signed in.</translation>
    </message>
    <message>
        <source>We did not recognise you. Try again, or use a code or a card.</source>
        <translation>We did not recognise you. Try again, or use a code or a card.</translation>
    </message>
    <message>
        <source>Face sign-in is paused for a few minutes. Please use a code or a card.</source>
        <translation>Face sign-in is paused for a few minutes. Please use a code or a card.</translation>
    </message>
    <message>
        <source>Face sign-in is not available now. Please use a code or a card.</source>
        <translation>Face sign-in is not available now. Please use a code or a card.</translation>
    </message>
    <message>
        <source>Look straight at the camera and hold still.</source>
        <translation>Look straight at the camera and hold still.</translation>
    </message>
    <message>
        <source>Step 2 of 2: finding you</source>
        <translation>Step 2 of 2: finding you</translation>
    </message>
    <message>
        <source>We could not see the head movement. Please try again, or use a code or a card.</source>
        <translation>We could not see the head movement. Please try again, or use a code or a card.</translation>
    </message>
</context>
<context>
    <name>mk::ui::HomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Book a visit with a doctor here, for yourself or your child.</source>
        <translation>Book a visit with a doctor here, for yourself or your child.</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>You need your patient number or phone number and your date of birth, or your patient card.</source>
        <translation>You need your patient number or phone number and your date of birth, or your patient card.</translation>
    </message>
    <message>
        <source>Check in for my appointment</source>
        <translation>Check in for my appointment</translation>
    </message>
    <message>
        <source>Sign in with your face</source>
        <translation>Sign in with your face</translation>
    </message>
    <message>
        <source>Pay my bills</source>
        <translation>Pay my bills</translation>
    </message>
</context>
<context>
    <name>mk::ui::IdentifyScreen</name>
    <message>
        <source>Who is booking?</source>
        <translation>Who is booking?</translation>
    </message>
    <message>
        <source>Scan your patient card, or type your number and date of birth below.</source>
        <translation>Scan your patient card, or type your number and date of birth below.</translation>
    </message>
    <message>
        <source>Patient number or mobile phone number</source>
        <translation>Patient number or mobile phone number</translation>
    </message>
    <message>
        <source>P and 8 digits, or 11 digits</source>
        <translation>P and 8 digits, or 11 digits</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>8 digits: year, month, day. Example: 19700105 for 5 January 1970</source>
        <translation>8 digits: year, month, day. Example: 19700105 for 5 January 1970</translation>
    </message>
    <message>
        <source>YYYYMMDD</source>
        <translation>YYYYMMDD</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Several patients have these details. Please choose yourself:</source>
        <translation>Several patients have these details. Please choose yourself:</translation>
    </message>
    <message>
        <source>I am not listed - try again</source>
        <translation>I am not listed - try again</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>Please type your patient number or mobile phone number.</source>
        <translation>Please type your patient number or mobile phone number.</translation>
    </message>
    <message>
        <source>Please check the number: a patient number looks like P00001234, a mobile phone number has 11 digits.</source>
        <translation>Please check the number: a patient number looks like P00001234, a mobile phone number has 11 digits.</translation>
    </message>
    <message>
        <source>Please type your date of birth as 8 digits: year, month, day (for example 19700105).</source>
        <translation>Please type your date of birth as 8 digits: year, month, day (for example 19700105).</translation>
    </message>
    <message>
        <source>This date of birth is not possible. Please check it.</source>
        <translation>This date of birth is not possible. Please check it.</translation>
    </message>
    <message>
        <source>This code is not a patient card. Please scan your card.</source>
        <translation>This code is not a patient card. Please scan your card.</translation>
    </message>
    <message>
        <source>No patient was found with these details. Please check the number and the date of birth and try again, or ask at the information desk.</source>
        <translation>No patient was found with these details. Please check the number and the date of birth and try again, or ask at the information desk.</translation>
    </message>
    <message>
        <source>Whose bills do you want to pay?</source>
        <translation>Whose bills do you want to pay?</translation>
    </message>
</context>
<context>
    <name>mk::ui::IdleWarning</name>
    <message>
        <source>Need more time?</source>
        <translation>Need more time?</translation>
    </message>
    <message>
        <source>Tap anywhere to continue. When the time runs out, what you entered is cleared.</source>
        <translation>Tap anywhere to continue. When the time runs out, what you entered is cleared.</translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation>Yes, I need more time</translation>
    </message>
    <message numerus="yes">
        <source>Back to the start screen in %n second(s)</source>
        <translation>
            <numerusform>Back to the start screen in %n second</numerusform>
            <numerusform>Back to the start screen in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mk::ui::Keypad</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>Delete the last character</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>mk::ui::KioskWindow</name>
    <message>
        <source>Change language</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline since %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform><numerusform>%n waiting</numerusform></translation>
    </message>
    <message>
        <source>Your face was recognised, but the hospital system does not have your patient record. Please sign in here with your patient card or number, or ask the staff at the service desk.</source>
        <translation>Your face was recognised, but the hospital system does not have your patient record. Please sign in here with your patient card or number, or ask the staff at the service desk.</translation>
    </message>
    <message>
        <source>Your face was recognised, but your patient record could not be opened now. %1 You can sign in here with your patient card or number instead.</source>
        <translation>Your face was recognised, but your patient record could not be opened now. %1 You can sign in here with your patient card or number instead.</translation>
    </message>
    <message>
        <source>Elder mode</source>
        <translation>Elder mode</translation>
    </message>
    <message>
        <source>Elder mode: larger text, read aloud</source>
        <translation>Elder mode: larger text, read aloud</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Read this screen aloud</source>
        <translation>Read this screen aloud</translation>
    </message>
</context>
<context>
    <name>mk::ui::MaintenanceScreen</name>
    <message>
        <source>Done by hand at the desk</source>
        <translation>Done by hand at the desk</translation>
    </message>
    <message>
        <source>Patient cancelled the visit</source>
        <translation>Patient cancelled the visit</translation>
    </message>
    <message>
        <source>Duplicate of another record</source>
        <translation>Duplicate of another record</translation>
    </message>
    <message>
        <source>Appointment no longer exists</source>
        <translation>Appointment no longer exists</translation>
    </message>
    <message>
        <source>Test record</source>
        <translation>Test record</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>The queue cannot be read: %1</translation>
    </message>
    <message>
        <source>#%1 %2 — %3 attempt(s), since %4
%5</source>
        <translation>#%1 %2 — %3 attempt(s), since %4
%5</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Why is record #%1 given up? It will not be sent to the hospital system.</source>
        <translation>Why is record #%1 given up? It will not be sent to the hospital system.</translation>
    </message>
    <message>
        <source>The action failed: %1</source>
        <translation>The action failed: %1</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>The report was not written: %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>Staff maintenance — outbox of commands for the hospital system</source>
        <translation>Staff maintenance — outbox of commands for the hospital system</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Hospital system: not contacted yet</source>
        <translation>Hospital system: not contacted yet</translation>
    </message>
    <message>
        <source>Hospital system: online</source>
        <translation>Hospital system: online</translation>
    </message>
    <message>
        <source>Hospital system: offline since %1</source>
        <translation>Hospital system: offline since %1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>Waiting to be sent: %1</translation>
    </message>
    <message>
        <source>Oldest waiting: %1</source>
        <translation>Oldest waiting: %1</translation>
    </message>
    <message>
        <source>Oldest waiting: none</source>
        <translation>Oldest waiting: none</translation>
    </message>
    <message>
        <source>Last successful sync: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <source>Last successful sync: never</source>
        <translation>Last successful sync: never</translation>
    </message>
    <message>
        <source>Dead letters (need staff): %1</source>
        <translation>Dead letters (need staff): %1</translation>
    </message>
    <message>
        <source>Hospital system access: this kiosk (%1) is accepted</source>
        <translation>Hospital system access: this kiosk (%1) is accepted</translation>
    </message>
    <message>
        <source>Hospital system access: not checked yet</source>
        <translation>Hospital system access: not checked yet</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayBillsScreen</name>
    <message>
        <source>Paying is not available at this kiosk. Please pay at the cashier window.</source>
        <translation>Paying is not available at this kiosk. Please pay at the cashier window.</translation>
    </message>
    <message>
        <source>Your bills could not be read now. %1</source>
        <translation>Your bills could not be read now. %1</translation>
    </message>
    <message>
        <source>Bill %1 · %2</source>
        <translation>Bill %1 · %2</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Insurance pays</source>
        <translation>Insurance pays</translation>
    </message>
    <message>
        <source>You pay</source>
        <translation>You pay</translation>
    </message>
    <message>
        <source>This bill: you pay %1</source>
        <translation>This bill: you pay %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached: these are the bills last seen at this kiosk.</source>
        <translation>The hospital system cannot be reached: these are the bills last seen at this kiosk.</translation>
    </message>
    <message numerus="yes">
        <source>%n bill(s) could not be checked and cannot be paid here. Please ask at the cashier window.</source>
        <translation>
            <numerusform>%n bill could not be checked and cannot be paid here. Please ask at the cashier window.</numerusform>
            <numerusform>%n bills could not be checked and cannot be paid here. Please ask at the cashier window.</numerusform>
        </translation>
    </message>
    <message>
        <source>You owe %1 on credit. Scan this code with your phone to repay it in the hospital's app.</source>
        <translation>You owe %1 on credit. Scan this code with your phone to repay it in the hospital's app.</translation>
    </message>
    <message>
        <source>You have no unpaid bills. Nothing to pay today.</source>
        <translation>You have no unpaid bills. Nothing to pay today.</translation>
    </message>
    <message>
        <source>Total to pay: %1</source>
        <translation>Total to pay: %1</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>Pay %1</translation>
    </message>
    <message>
        <source>Your unpaid bills</source>
        <translation>Your unpaid bills</translation>
    </message>
    <message>
        <source>Print a copy of today's receipts</source>
        <translation>Print a copy of today's receipts</translation>
    </message>
    <message>
        <source>Open credit care</source>
        <translation>Open credit care</translation>
    </message>
    <message>
        <source>Today's receipts could not be read now. %1</source>
        <translation>Today's receipts could not be read now. %1</translation>
    </message>
    <message>
        <source>There are no receipts from today to print.</source>
        <translation>There are no receipts from today to print.</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayIdentifyScreen</name>
    <message>
        <source>Pay your bills</source>
        <translation>Pay your bills</translation>
    </message>
    <message>
        <source>First, tell us who you are. Choose one way:</source>
        <translation>First, tell us who you are. Choose one way:</translation>
    </message>
    <message>
        <source>Use my face</source>
        <translation>Use my face</translation>
    </message>
    <message>
        <source>Scan my patient card</source>
        <translation>Scan my patient card</translation>
    </message>
    <message>
        <source>Type my patient number or phone number</source>
        <translation>Type my patient number or phone number</translation>
    </message>
    <message>
        <source>You can also hold your patient card's QR code under the scanner now. Parents: identify yourself, then choose your child.</source>
        <translation>You can also hold your patient card's QR code under the scanner now. Parents: identify yourself, then choose your child.</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayReceiptScreen</name>
    <message>
        <source>PROVISIONAL: the hospital system is offline. Your payment is recorded; the e-receipt follows. Kiosk receipt number: %1</source>
        <translation>PROVISIONAL: the hospital system is offline. Your payment is recorded; the e-receipt follows. Kiosk receipt number: %1</translation>
    </message>
    <message>
        <source>Invoice code: %1</source>
        <translation>Invoice code: %1</translation>
    </message>
    <message>
        <source>Invoice number: %1</source>
        <translation>Invoice number: %1</translation>
    </message>
    <message>
        <source>Check code: %1</source>
        <translation>Check code: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Payer: %1</source>
        <translation>Payer: %1</translation>
    </message>
    <message>
        <source>Scan to view</source>
        <translation>Scan to view</translation>
    </message>
    <message>
        <source>Your payment is complete. The receipt could not be printed (the printer is not available): please take a photo of this screen or scan the QR code, or tap "Print again" later.</source>
        <translation>Your payment is complete. The receipt could not be printed (the printer is not available): please take a photo of this screen or scan the QR code, or tap "Print again" later.</translation>
    </message>
    <message>
        <source>Today's receipts</source>
        <translation>Today's receipts</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>Payment recorded</translation>
    </message>
    <message>
        <source>Payment complete</source>
        <translation>Payment complete</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayScreen</name>
    <message numerus="yes">
        <source>To pay: %1 (%n bill(s))</source>
        <translation>
            <numerusform>To pay: %1 (%n bill)</numerusform>
            <numerusform>To pay: %1 (%n bills)</numerusform>
        </translation>
    </message>
    <message>
        <source>Available on your credit line: %1</source>
        <translation>Available on your credit line: %1</translation>
    </message>
    <message>
        <source>%1 is more than the %2 available on your credit line. Please pay by phone.</source>
        <translation>%1 is more than the %2 available on your credit line. Please pay by phone.</translation>
    </message>
    <message>
        <source>Without a face check, credit can pay at most %1 at a time. Nothing was charged. Please pay by phone, or sign up for face sign-in at the service desk.</source>
        <translation>Without a face check, credit can pay at most %1 at a time. Nothing was charged. Please pay by phone, or sign up for face sign-in at the service desk.</translation>
    </message>
    <message numerus="yes">
        <source>%n other bill(s) were paid: tap "Show my receipts".</source>
        <translation>
            <numerusform>%n other bill was paid: tap "Show my receipts".</numerusform>
            <numerusform>%n other bills were paid: tap "Show my receipts".</numerusform>
        </translation>
    </message>
    <message>
        <source>Paying by phone needs the hospital system, which cannot be reached now. Nothing was charged. Please try again later or pay at the cashier window.</source>
        <translation>Paying by phone needs the hospital system, which cannot be reached now. Nothing was charged. Please try again later or pay at the cashier window.</translation>
    </message>
    <message>
        <source>The payment code could not be made. Nothing was charged. %1</source>
        <translation>The payment code could not be made. Nothing was charged. %1</translation>
    </message>
    <message>
        <source>The payment code has expired. Nothing was charged. Tap "New code" to try again.</source>
        <translation>The payment code has expired. Nothing was charged. Tap "New code" to try again.</translation>
    </message>
    <message>
        <source>How do you want to pay?</source>
        <translation>How do you want to pay?</translation>
    </message>
    <message>
        <source>Pay on credit</source>
        <translation>Pay on credit</translation>
    </message>
    <message>
        <source>Pay by phone</source>
        <translation>Pay by phone</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Pay by phone instead</source>
        <translation>Pay by phone instead</translation>
    </message>
    <message>
        <source>Paying on credit. Please wait; do not tap again.</source>
        <translation>Paying on credit. Please wait; do not tap again.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Scan this code with your phone's payment app (bill %1 of %2).</source>
        <translation>Scan this code with your phone's payment app (bill %1 of %2).</translation>
    </message>
    <message>
        <source>Scan this code with your phone's payment app.</source>
        <translation>Scan this code with your phone's payment app.</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>Time left: %1:%2</translation>
    </message>
    <message>
        <source>Making your payment code...</source>
        <translation>Making your payment code...</translation>
    </message>
    <message>
        <source>Back to my bills</source>
        <translation>Back to my bills</translation>
    </message>
    <message>
        <source>Show my receipts</source>
        <translation>Show my receipts</translation>
    </message>
    <message>
        <source>Show the new bill</source>
        <translation>Show the new bill</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>New code</translation>
    </message>
    <message>
        <source>Enter my phone's last 4 digits</source>
        <translation>Enter my phone's last 4 digits</translation>
    </message>
</context>
<context>
    <name>mk::ui::PayText</name>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Examination</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratory</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicine</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Treatment</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Paid by phone</source>
        <translation>Paid by phone</translation>
    </message>
    <message>
        <source>Paid on credit</source>
        <translation>Paid on credit</translation>
    </message>
    <message>
        <source>Credit line %1 · used %2 · available %3</source>
        <translation>Credit line %1 · used %2 · available %3</translation>
    </message>
    <message>
        <source>Your credit care is suspended. Please pay by phone, or ask at the cashier window why it is suspended.</source>
        <translation>Your credit care is suspended. Please pay by phone, or ask at the cashier window why it is suspended.</translation>
    </message>
    <message>
        <source>Your credit care is closed. Please pay by phone.</source>
        <translation>Your credit care is closed. Please pay by phone.</translation>
    </message>
    <message>
        <source>You do not have credit care yet. You can open it here, or pay by phone.</source>
        <translation>You do not have credit care yet. You can open it here, or pay by phone.</translation>
    </message>
    <message>
        <source>Your credit line could not be read now. You can pay by phone.</source>
        <translation>Your credit line could not be read now. You can pay by phone.</translation>
    </message>
    <message>
        <source>This bill has changed since it was shown. Nothing was charged. Please look at the new amount and pay again.</source>
        <translation>This bill has changed since it was shown. Nothing was charged. Please look at the new amount and pay again.</translation>
    </message>
    <message>
        <source>This amount is more than your credit line allows now. Nothing was charged. You can pay by phone instead.</source>
        <translation>This amount is more than your credit line allows now. Nothing was charged. You can pay by phone instead.</translation>
    </message>
    <message>
        <source>Your credit care is suspended, so nothing was charged. Please pay by phone, or ask at the cashier window.</source>
        <translation>Your credit care is suspended, so nothing was charged. Please pay by phone, or ask at the cashier window.</translation>
    </message>
    <message>
        <source>You do not have credit care. Nothing was charged. You can open it on the bills screen, or pay by phone.</source>
        <translation>You do not have credit care. Nothing was charged. You can open it on the bills screen, or pay by phone.</translation>
    </message>
    <message>
        <source>The hospital system could not confirm it was you. Nothing was charged. Please check your identity again.</source>
        <translation>The hospital system could not confirm it was you. Nothing was charged. Please check your identity again.</translation>
    </message>
    <message>
        <source>This bill has already been paid (at another kiosk or at the cashier window). Nothing was charged here.</source>
        <translation>This bill has already been paid (at another kiosk or at the cashier window). Nothing was charged here.</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached and this payment is over what the kiosk may accept offline. Nothing was charged. Please try again later or pay at the cashier window.</source>
        <translation>The hospital system cannot be reached and this payment is over what the kiosk may accept offline. Nothing was charged. Please try again later or pay at the cashier window.</translation>
    </message>
    <message>
        <source>The hospital system cannot be reached, and this payment cannot be taken offline. Nothing was charged. Please try again later or pay at the cashier window.</source>
        <translation>The hospital system cannot be reached, and this payment cannot be taken offline. Nothing was charged. Please try again later or pay at the cashier window.</translation>
    </message>
    <message>
        <source>The hospital system does not know this bill any more. Nothing was charged. Please ask at the cashier window.</source>
        <translation>The hospital system does not know this bill any more. Nothing was charged. Please ask at the cashier window.</translation>
    </message>
    <message>
        <source>The payment could not be completed. Nothing was reported paid. %1</source>
        <translation>The payment could not be completed. Nothing was reported paid. %1</translation>
    </message>
    <message>
        <source>This bill was not paid. Please ask at the cashier window.</source>
        <translation>This bill was not paid. Please ask at the cashier window.</translation>
    </message>
</context>
<context>
    <name>mk::ui::ReceiptTicket</name>
    <message>
        <source>Medical e-receipt</source>
        <translation>Medical e-receipt</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>COPY</translation>
    </message>
    <message>
        <source>PROVISIONAL: the e-receipt follows</source>
        <translation>PROVISIONAL: the e-receipt follows</translation>
    </message>
    <message>
        <source>Kiosk receipt number %1</source>
        <translation>Kiosk receipt number %1</translation>
    </message>
    <message>
        <source>Invoice code: %1</source>
        <translation>Invoice code: %1</translation>
    </message>
    <message>
        <source>Invoice number: %1</source>
        <translation>Invoice number: %1</translation>
    </message>
    <message>
        <source>Check code: %1</source>
        <translation>Check code: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Payer: %1</source>
        <translation>Payer: %1</translation>
    </message>
    <message>
        <source>Scan to view the e-receipt</source>
        <translation>Scan to view the e-receipt</translation>
    </message>
    <message>
        <source>Daily close %1</source>
        <translation>Daily close %1</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Kiosk %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n payment(s), %2</source>
        <translation>
            <numerusform>%1: %n payment, %2</numerusform>
            <numerusform>%1: %n payments, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message numerus="yes">
        <source>Total: %n payment(s), %1</source>
        <translation>
            <numerusform>Total: %n payment, %1</numerusform>
            <numerusform>Total: %n payments, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taken offline, not yet confirmed: %n, %1</source>
        <translation>
            <numerusform>Taken offline, not yet confirmed: %n, %1</numerusform><numerusform>Taken offline, not yet confirmed: %n, %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Refused after being taken offline (review): %n, %1</source>
        <translation>
            <numerusform>Refused after being taken offline (review): %n, %1</numerusform><numerusform>Refused after being taken offline (review): %n, %1</numerusform></translation>
    </message>
    <message>
        <source>Daily close</source>
        <translation>Daily close</translation>
    </message>
</context>
<context>
    <name>mk::ui::ResultScreen</name>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Your appointment number</source>
        <translation>Your appointment number</translation>
    </message>
    <message>
        <source>Show this code when you check in.</source>
        <translation>Show this code when you check in.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Department: %1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>Doctor: %1</translation>
    </message>
    <message>
        <source>Time: %1–%2</source>
        <translation>Time: %1–%2</translation>
    </message>
    <message>
        <source>Sign in with your face next time</source>
        <translation>Sign in with your face next time</translation>
    </message>
</context>
<context>
    <name>mk::ui::SlotGridScreen</name>
    <message>
        <source>Choose a time</source>
        <translation>Choose a time</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Any doctor</source>
        <translation>Any doctor</translation>
    </message>
    <message>
        <source>Not current — last updated %1. Booking needs a connection to the hospital system.</source>
        <translation>Not current — last updated %1. Booking needs a connection to the hospital system.</translation>
    </message>
</context>
<context>
    <name>mk::ui::SlotGridWidget</name>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>No times are left on this day. Please choose another day.</source>
        <translation>No times are left on this day. Please choose another day.</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
</context>
<context>
    <name>mk::ui::StaffPaymentsScreen</name>
    <message>
        <source>Payments are not installed at this kiosk.</source>
        <translation>Payments are not installed at this kiosk.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n payment(s), %2</source>
        <translation>
            <numerusform>%1: %n payment, %2</numerusform>
            <numerusform>%1: %n payments, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>No payments at this kiosk today.</source>
        <translation>No payments at this kiosk today.</translation>
    </message>
    <message>
        <source>Today's payments by method:</source>
        <translation>Today's payments by method:</translation>
    </message>
    <message>
        <source>#%1 · bill %2 · %3 · taken %4 · %5</source>
        <translation>#%1 · bill %2 · %3 · taken %4 · %5</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Payments refused after being taken offline (review):</source>
        <translation>Payments refused after being taken offline (review):</translation>
    </message>
    <message>
        <source>The daily close was printed.</source>
        <translation>The daily close was printed.</translation>
    </message>
    <message>
        <source>The daily close could not be printed: check the printer (paper, cover).</source>
        <translation>The daily close could not be printed: check the printer (paper, cover).</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Payments at this kiosk</source>
        <translation>Payments at this kiosk</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Print daily close</source>
        <translation>Print daily close</translation>
    </message>
    <message>
        <source>Export daily close</source>
        <translation>Export daily close</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>A daily close file for this day already exists: %1. It was not overwritten; move it away to export again.</source>
        <translation>A daily close file for this day already exists: %1. It was not overwritten; move it away to export again.</translation>
    </message>
</context>
<context>
    <name>mk::ui::StaffPinScreen</name>
    <message>
        <source>The PIN cannot be checked: %1</source>
        <translation>The PIN cannot be checked: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before the lock.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left before the lock.</numerusform>
            <numerusform>Wrong PIN. %n attempts left before the lock.</numerusform>
        </translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk, so maintenance mode cannot be opened. IT support sets one with the command "medkioskctl staff set-pin".</source>
        <translation>No staff PIN is set on this kiosk, so maintenance mode cannot be opened. IT support sets one with the command "medkioskctl staff set-pin".</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked for %1:%2 more.</source>
        <translation>Too many wrong PINs. Locked for %1:%2 more.</translation>
    </message>
    <message>
        <source>Staff maintenance</source>
        <translation>Staff maintenance</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Enter the staff PIN.</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>mk::ui::VerifyPanel</name>
    <message>
        <source>Step 1 of 2: checking that you are here in person</source>
        <translation>Step 1 of 2: checking that you are here in person</translation>
    </message>
    <message>
        <source>Look straight at the camera and hold still.</source>
        <translation>Look straight at the camera and hold still.</translation>
    </message>
    <message>
        <source>Step 2 of 2: checking that it is you</source>
        <translation>Step 2 of 2: checking that it is you</translation>
    </message>
    <message>
        <source>Those digits do not match. Please try again.</source>
        <translation>Those digits do not match. Please try again.</translation>
    </message>
    <message>
        <source>Please enter the last 4 digits of your phone number.</source>
        <translation>Please enter the last 4 digits of your phone number.</translation>
    </message>
    <message>
        <source>Thank you, that is you.</source>
        <translation>Thank you, that is you.</translation>
    </message>
    <message>
        <source>Your face did not match the registered patient. Nothing was charged. Try again, or pay by phone.</source>
        <translation>Your face did not match the registered patient. Nothing was charged. Try again, or pay by phone.</translation>
    </message>
    <message>
        <source>We could not see the head movement. Nothing was charged. Please try again, or pay by phone.</source>
        <translation>We could not see the head movement. Nothing was charged. Please try again, or pay by phone.</translation>
    </message>
    <message>
        <source>The digits did not match 3 times. Nothing was charged. Please pay by phone or at the cashier window.</source>
        <translation>The digits did not match 3 times. Nothing was charged. Please pay by phone or at the cashier window.</translation>
    </message>
    <message>
        <source>Your identity cannot be checked at this kiosk now. Nothing was charged. Please pay by phone.</source>
        <translation>Your identity cannot be checked at this kiosk now. Nothing was charged. Please pay by phone.</translation>
    </message>
    <message>
        <source>Face checks are paused for a few minutes at this kiosk. Nothing was charged. Enter the last 4 digits of your phone number instead, or pay by phone.</source>
        <translation>Face checks are paused for a few minutes at this kiosk. Nothing was charged. Enter the last 4 digits of your phone number instead, or pay by phone.</translation>
    </message>
</context>
<context>
    <name>mk::ui::bookingui</name>
    <message>
        <source>This booking can no longer be cancelled.</source>
        <translation>This booking can no longer be cancelled.</translation>
    </message>
    <message>
        <source>You can cancel until %1.</source>
        <translation>You can cancel until %1.</translation>
    </message>
</context>
</TS>
