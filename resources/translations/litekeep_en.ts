<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Anomaly</name>
    <message numerus="yes">
        <source>%n more table(s) lost rows too: %1.</source>
        <translation>
            <numerusform>%n more table lost rows too: %1.</numerusform>
            <numerusform>%n more tables lost rows too: %1.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>DatabaseDiff</name>
    <message numerus="yes">
        <source>Brings back the table “%1” (%n row(s)).</source>
        <translation>
            <numerusform>Brings back the table “%1” (%n row).</numerusform>
            <numerusform>Brings back the table “%1” (%n rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removes the table “%1” and its %n row(s).</source>
        <translation>
            <numerusform>Removes the table “%1” and its %n row.</numerusform>
            <numerusform>Removes the table “%1” and its %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removes %n row(s) from “%1” (%2 → %3).</source>
        <translation>
            <numerusform>Removes %n row from “%1” (%2 → %3).</numerusform>
            <numerusform>Removes %n rows from “%1” (%2 → %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Brings back %n row(s) in “%1” (%2 → %3).</source>
        <translation>
            <numerusform>Brings back %n row in “%1” (%2 → %3).</numerusform>
            <numerusform>Brings back %n rows in “%1” (%2 → %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>table %1 is added (%n row(s))</source>
        <translation>
            <numerusform>table %1 is added (%n row)</numerusform>
            <numerusform>table %1 is added (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>table %1 is removed (%n row(s))</source>
        <translation>
            <numerusform>table %1 is removed (%n row)</numerusform>
            <numerusform>table %1 is removed (%n rows)</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>DatabaseIdentity</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>HumanTime</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>Pins</name>
    <message numerus="yes">
        <source>it is larger than any pins object LiteKeep writes (%n byte(s))</source>
        <translation>
            <numerusform>it is larger than any pins object LiteKeep writes (%n byte)</numerusform>
            <numerusform>it is larger than any pins object LiteKeep writes (%n bytes)</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>ProfileStatus</name>
    <message numerus="yes">
        <source>The newest verified backup is older than the %n hour(s) this profile allows.</source>
        <translation>
            <numerusform>The newest verified backup is older than the %n hour this profile allows.</numerusform>
            <numerusform>The newest verified backup is older than the %n hours this profile allows.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>ProgressPrinter</name>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>Retention</name>
    <message numerus="yes">
        <source>kept: one of the newest %n good generation(s)</source>
        <translation>
            <numerusform>kept: one of the newest %n good generation</numerusform>
            <numerusform>kept: one of the newest %n good generations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>kept: younger than %n day(s)</source>
        <translation>
            <numerusform>kept: younger than %n day</numerusform>
            <numerusform>kept: younger than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted: failed verification, and older than %n day(s)</source>
        <translation>
            <numerusform>deleted: failed verification, and older than %n day</numerusform>
            <numerusform>deleted: failed verification, and older than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted: older than %n day(s)</source>
        <translation>
            <numerusform>deleted: older than %n day</numerusform>
            <numerusform>deleted: older than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted: damaged (%1), and older than %n day(s)</source>
        <translation>
            <numerusform>deleted: damaged (%1), and older than %n day</numerusform>
            <numerusform>deleted: damaged (%1), and older than %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted: incomplete, and older than %n day(s)</source>
        <translation>
            <numerusform>deleted: incomplete, and older than %n day</numerusform>
            <numerusform>deleted: incomplete, and older than %n days</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::BackupJob</name>
    <message numerus="yes">
        <source>Retention removed %n old object(s).</source>
        <translation>
            <numerusform>Retention removed %n old object.</numerusform>
            <numerusform>Retention removed %n old objects.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::ConnectionTest</name>
    <message numerus="yes">
        <source>The destination answers; it holds %n object(s) for this profile.</source>
        <translation>
            <numerusform>The destination answers; it holds %n object for this profile.</numerusform>
            <numerusform>The destination answers; it holds %n objects for this profile.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::DismissCommand</name>
    <message numerus="yes">
        <source>Dismissed %n warning(s); retention now treats the backups they kept like any other.</source>
        <translation>
            <numerusform>Dismissed %n warning; retention now treats the backups they kept like any other.</numerusform>
            <numerusform>Dismissed %n warnings; retention now treats the backups they kept like any other.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::FirstRunWizard</name>
    <message numerus="yes">
        <source>Profile "%1": %2 → %3, every day at %4, keeping %n day(s).</source>
        <translation>
            <numerusform>Profile "%1": %2 → %3, every day at %4, keeping %n day.</numerusform>
            <numerusform>Profile "%1": %2 → %3, every day at %4, keeping %n days.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::GenerationDetails</name>
    <message numerus="yes">
        <source>(blob, %n byte(s))</source>
        <translation>
            <numerusform>(blob, %n byte)</numerusform>
            <numerusform>(blob, %n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of “%1”, read-only.</source>
        <translation>
            <numerusform>The first %n row of “%1”, read-only.</numerusform>
            <numerusform>The first %n rows of “%1”, read-only.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::ListCommand</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::MainWindow</name>
    <message numerus="yes">
        <source> — about %n s left</source>
        <translation>
            <numerusform> — about %n s left</numerusform>
            <numerusform> — about %n s left</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::Notifier</name>
    <message numerus="yes">
        <source>The newest verified backup of "%1" is %n hour(s) old.</source>
        <translation>
            <numerusform>The newest verified backup of "%1" is %n hour old.</numerusform>
            <numerusform>The newest verified backup of "%1" is %n hours old.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::ProfileCommand</name>
    <message numerus="yes">
        <source>Profile "%1" added: %2 → %3, daily at %4, keeping %n day(s).</source>
        <translation>
            <numerusform>Profile "%1" added: %2 → %3, daily at %4, keeping %n day.</numerusform>
            <numerusform>Profile "%1" added: %2 → %3, daily at %4, keeping %n days.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::PruneJob</name>
    <message numerus="yes">
        <source>Dry run: %n object(s) would be deleted; nothing was.</source>
        <translation>
            <numerusform>Dry run: %n object would be deleted; nothing was.</numerusform>
            <numerusform>Dry run: %n objects would be deleted; nothing was.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pruning cancelled after %n deletion(s).</source>
        <translation>
            <numerusform>Pruning cancelled after %n deletion.</numerusform>
            <numerusform>Pruning cancelled after %n deletions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pruned %n object(s).</source>
        <translation>
            <numerusform>Pruned %n object.</numerusform>
            <numerusform>Pruned %n objects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept %n damaged generation(s) that retention would otherwise delete; "litekeep prune --include-damaged" deletes them.</source>
        <translation>
            <numerusform>Kept %n damaged generation that retention would otherwise delete; "litekeep prune --include-damaged" deletes them.</numerusform>
            <numerusform>Kept %n damaged generations that retention would otherwise delete; "litekeep prune --include-damaged" deletes them.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::RestoreWizard</name>
    <message numerus="yes">
        <source>%n generation(s).</source>
        <translation>
            <numerusform>%n generation.</numerusform>
            <numerusform>%n generations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n table(s), %1 rows in all.</source>
        <translation>
            <numerusform>Verified: %n table, %1 rows in all.</numerusform>
            <numerusform>Verified: %n tables, %1 rows in all.</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::SettingsDialog</name>
    <message numerus="yes">
        <source>One per core (%n)</source>
        <translation>
            <numerusform>One per core (%n)</numerusform>
            <numerusform>One per core (%n)</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::ShowCommand</name>
    <message numerus="yes">
        <source> (%n row(s))</source>
        <translation>
            <numerusform> (%n row)</numerusform>
            <numerusform> (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>    %1: %n row(s)</source>
        <translation>
            <numerusform>    %1: %n row</numerusform>
            <numerusform>    %1: %n rows</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>lk::VerifyJob</name>
    <message numerus="yes">
        <source>Verification cancelled after %n generation(s).</source>
        <translation>
            <numerusform>Verification cancelled after %n generation.</numerusform>
            <numerusform>Verification cancelled after %n generations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) verified: all restorable.</source>
        <translation>
            <numerusform>%n generation verified: all restorable.</numerusform>
            <numerusform>%n generations verified: all restorable.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: written by a newer LiteKeep.</source>
        <translation>
            <numerusform>%n skipped: written by a newer LiteKeep.</numerusform>
            <numerusform>%n skipped: written by a newer LiteKeep.</numerusform>
        </translation>
    </message>
    </context>
</TS>
