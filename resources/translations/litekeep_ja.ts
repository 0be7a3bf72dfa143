<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Anomaly</name>
    <message>
        <source>Table %1 (%2 rows) is gone since the previous backup.</source>
        <translation>前回のバックアップ以降、テーブル %1 (%2 行) がなくなっています。</translation>
    </message>
    <message>
        <source>Table %1 lost %2 % of its rows (%3 → %4) since the previous backup.</source>
        <translation>前回のバックアップ以降、テーブル %1 の行が %2 % 減っています (%3 → %4)。</translation>
    </message>
    <message numerus="yes">
        <source>%n more table(s) lost rows too: %1.</source>
        <translation>
            <numerusform>他に %n 個のテーブルでも行が減っています: %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The previous backup, %1, is kept until you dismiss this warning.</source>
        <translation>前回のバックアップ %1 は、この警告を解除するまで保持されます。</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 を削除できませんでした。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>フォルダー %1 を作成できませんでした。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Cannot create the history file %1: %2.</source>
        <translation>履歴ファイル %1 を作成できません: %2。</translation>
    </message>
    <message>
        <source>Cannot open the history file %1: %2.</source>
        <translation>履歴ファイル %1 を開けません: %2。</translation>
    </message>
    <message>
        <source>The history file %1 cannot be used: %2.</source>
        <translation>履歴ファイル %1 を使用できません: %2。</translation>
    </message>
    <message>
        <source>The run was interrupted (LiteKeep stopped before it finished).</source>
        <translation>実行が中断されました (完了前に LiteKeep が停止しました)。</translation>
    </message>
    <message>
        <source>There is no open warning about generation %1 of profile "%2".</source>
        <translation>プロファイル "%2" の世代 %1 に関する未解除の警告はありません。</translation>
    </message>
    <message>
        <source>The run history %1 could not be read (%2).</source>
        <translation>実行履歴 %1 を読み取れませんでした (%2)。</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>There is no profile named "%1"; there are no profiles yet. Create one with "litekeep profile add %1 --db PATH".</source>
        <translation>プロファイル "%1" はありません。プロファイルはまだ 1 つもありません。"litekeep profile add %1 --db PATH" で作成してください。</translation>
    </message>
    <message>
        <source>There is no profile named "%1". Known profiles: %2.</source>
        <translation>プロファイル "%1" はありません。既存のプロファイル: %2。</translation>
    </message>
    <message>
        <source>rclone said:
%1</source>
        <translation>rclone の出力:
%1</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>Cannot read the settings file %1; it is damaged or not readable.</source>
        <translation>設定ファイル %1 を読み取れません。破損しているか、読み取り権限がありません。</translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer LiteKeep (version %2); update LiteKeep.</source>
        <translation>設定ファイル %1 は新しいバージョンの LiteKeep (バージョン %2) で書き込まれています。LiteKeep を更新してください。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>設定ファイル %1 に書き込めません。</translation>
    </message>
    <message>
        <source>A profile named "%1" already exists.</source>
        <translation>プロファイル "%1" は既に存在します。</translation>
    </message>
    <message>
        <source>There is no profile named "%1".</source>
        <translation>プロファイル "%1" はありません。</translation>
    </message>
</context>
<context>
    <name>DatabaseDescription</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
</context>
<context>
    <name>DatabaseDiff</name>
    <message numerus="yes">
        <source>table %1 is added (%n row(s))</source>
        <translation>
            <numerusform>テーブル %1 が追加されます(%n 行)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>table %1 is removed (%n row(s))</source>
        <translation>
            <numerusform>テーブル %1 が削除されます(%n 行)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 → %3 rows (%4)</source>
        <translation>%1: %2 → %3 行 (%4)</translation>
    </message>
    <message>
        <source>%1 %2 is added</source>
        <translation>%1 %2 が追加されます</translation>
    </message>
    <message>
        <source>%1 %2 is removed</source>
        <translation>%1 %2 が削除されます</translation>
    </message>
    <message>
        <source>%1 %2 has a different definition</source>
        <translation>%1 %2 の定義が異なります</translation>
    </message>
    <message numerus="yes">
        <source>Brings back the table “%1” (%n row(s)).</source>
        <translation>
            <numerusform>テーブル「%1」(%n 行) が戻ります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removes the table “%1” and its %n row(s).</source>
        <translation>
            <numerusform>テーブル「%1」とその %n 行が削除されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removes %n row(s) from “%1” (%2 → %3).</source>
        <translation>
            <numerusform>「%1」から %n 行が削除されます (%2 → %3)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Brings back %n row(s) in “%1” (%2 → %3).</source>
        <translation>
            <numerusform>「%1」の %n 行が戻ります (%2 → %3)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Brings back the %1 “%2”.</source>
        <translation>%1「%2」が戻ります。</translation>
    </message>
    <message>
        <source>Removes the %1 “%2”.</source>
        <translation>%1「%2」が削除されます。</translation>
    </message>
    <message>
        <source>Changes the definition of the %1 “%2” back.</source>
        <translation>%1「%2」の定義が元に戻ります。</translation>
    </message>
</context>
<context>
    <name>DatabaseIdentity</name>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>キャンセルしました。何も変更していません。</translation>
    </message>
    <message>
        <source>The database %1 stayed locked by another process for more than %2 s, so it could not be compared with the generation; nothing was changed. Try again when it is less busy.</source>
        <translation>データベース %1 が別のプロセスによって %2 秒を超えてロックされたままだったため、世代と比較できませんでした。何も変更していません。負荷が下がってから、もう一度お試しください。</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>it is a backup of "%1", not of "%2"</source>
        <translation>これは "%2" ではなく "%1" のバックアップです</translation>
    </message>
    <message>
        <source>its application_id is %1 here but %2 in the generation</source>
        <translation>application_id がこちらでは %1、世代では %2 です</translation>
    </message>
    <message>
        <source>it was taken from a database at another path than this profile's, %1</source>
        <translation>このプロファイルのデータベース (%1) とは別のパスにあるデータベースから作成されています</translation>
    </message>
    <message>
        <source>the two share no table (here: %1; in the generation: %2)</source>
        <translation>共通のテーブルがひとつもありません (こちら: %1、世代: %2)</translation>
    </message>
    <message>
        <source>tables only here: %1</source>
        <translation>こちらにだけあるテーブル: %1</translation>
    </message>
    <message>
        <source>only in the generation: %1</source>
        <translation>世代にだけあるテーブル: %1</translation>
    </message>
    <message>
        <source>user_version %1 here, %2 in the generation</source>
        <translation>user_version がこちらでは %1、世代では %2</translation>
    </message>
    <message>
        <source>the schema differs</source>
        <translation>スキーマが異なります</translation>
    </message>
    <message>
        <source>the schema differs (%1)</source>
        <translation>スキーマが異なります (%1)</translation>
    </message>
    <message>
        <source>Generation %1 does not look like a backup of %2: %3.</source>
        <translation>世代 %1 は %2 のバックアップではないようです: %3。</translation>
    </message>
</context>
<context>
    <name>Destination</name>
    <message>
        <source>"%1" is not a valid bucket name (3-63 lowercase letters, digits, dots and hyphens).</source>
        <translation>"%1" は有効なバケット名ではありません (英小文字、数字、ドット、ハイフンで 3～63 文字)。</translation>
    </message>
    <message>
        <source>The prefix "%1" is not valid.</source>
        <translation>プレフィックス "%1" は無効です。</translation>
    </message>
    <message>
        <source>Unsupported destination "%1": use a local folder or s3://BUCKET/PREFIX.</source>
        <translation>保存先 "%1" には対応していません。ローカルフォルダーまたは s3://BUCKET/PREFIX を指定してください。</translation>
    </message>
    <message>
        <source>The destination is empty.</source>
        <translation>保存先が空です。</translation>
    </message>
    <message>
        <source>The local destination "%1" must be an absolute path.</source>
        <translation>ローカルの保存先 "%1" は絶対パスで指定してください。</translation>
    </message>
</context>
<context>
    <name>Generation</name>
    <message>
        <source>no manifest: the run that wrote it did not finish</source>
        <translation>マニフェストがありません: 書き込み中の実行が完了していません</translation>
    </message>
    <message>
        <source>the manifest could not be read</source>
        <translation>マニフェストを読み取れませんでした</translation>
    </message>
    <message>
        <source>the manifest describes another generation (%1, %2)</source>
        <translation>マニフェストが別の世代 (%1, %2) を示しています</translation>
    </message>
    <message>
        <source>the data file is missing</source>
        <translation>データファイルがありません</translation>
    </message>
    <message>
        <source>the data file has %1 bytes, the manifest says %2</source>
        <translation>データファイルは %1 バイトですが、マニフェストでは %2 バイトです</translation>
    </message>
</context>
<context>
    <name>Gzip</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 を読み取れません: %2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 に書き込めません: %2。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2.</source>
        <translation>%1 の読み取りに失敗しました: %2。</translation>
    </message>
    <message>
        <source>%1 is not a valid gzip stream (%2).</source>
        <translation>%1 は有効な gzip ストリームではありません (%2)。</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Is the disk full?</source>
        <translation>%1 への書き込みに失敗しました: %2。ディスクの空き容量を確認してください。</translation>
    </message>
    <message>
        <source>%1 ends before its gzip stream does (truncated?).</source>
        <translation>%1 は gzip ストリームの途中で終わっています (切り詰められている可能性があります)。</translation>
    </message>
    <message>
        <source>Cannot start the compressor.</source>
        <translation>圧縮処理を開始できません。</translation>
    </message>
    <message>
        <source>Cannot start the decompressor.</source>
        <translation>展開処理を開始できません。</translation>
    </message>
    <message>
        <source>there are extra bytes after the end of the gzip stream</source>
        <translation>gzip ストリームの終端の後に余分なバイトがあります</translation>
    </message>
    <message>
        <source>the data is not a valid gzip stream (%1)</source>
        <translation>データが有効な gzip ストリームではありません (%1)</translation>
    </message>
</context>
<context>
    <name>HumanTime</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <extracomment>%1 is a time of day, such as 02:00</extracomment>
        <translation>昨日 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message>
        <source>now</source>
        <translation>まもなく</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>%n 分後</numerusform>
        </translation>
    </message>
    <message>
        <source>tonight at %1</source>
        <extracomment>%1 is a time of day, such as 02:00</extracomment>
        <translation>今夜 %1</translation>
    </message>
    <message>
        <source>today at %1</source>
        <extracomment>%1 is a time of day, such as 14:00</extracomment>
        <translation>今日 %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <extracomment>%1 is a time of day, such as 02:00</extracomment>
        <translation>明日 %1</translation>
    </message>
    <message>
        <source>on %1 at %2</source>
        <extracomment>%1 is the name of a weekday, %2 a time of day: "on Wednesday at 02:00"</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Tonight %1</source>
        <extracomment>a generation made in the night that is still on; %1 is a time such as 02:00</extracomment>
        <translation>今夜 %1</translation>
    </message>
    <message>
        <source>Last night %1</source>
        <extracomment>a generation made after midnight, seen in the morning or later; %1 is a time</extracomment>
        <translation>昨夜 %1</translation>
    </message>
    <message>
        <source>Today %1</source>
        <extracomment>%1 is a time of day, such as 11:28</extracomment>
        <translation>今日 %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <extracomment>%1 is a time of day, such as 02:00</extracomment>
        <translation>昨日 %1</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <extracomment>the date of a generation of this year, as a QLocale pattern ("Wed 2 Dec")</extracomment>
        <translation>M月d日(ddd)</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <extracomment>the date of a generation of another year, as a QLocale pattern</extracomment>
        <translation>yyyy年M月d日(ddd)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>generation</comment>
        <extracomment>a generation: %1 is its date, %2 its time ("Wed 2 Dec 02:00")</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>exact time</comment>
        <extracomment>the exact time in a tooltip: %1 the date, %2 the time, %3 the time zone</extracomment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date and time</comment>
        <extracomment>the one absolute date and time of the application: %1 the date, %2 the time</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>the one date format of the application, as a QLocale pattern ("26 Nov 2026")</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>LiveDatabase</name>
    <message>
        <source>kept a copy of the current database in %1</source>
        <translation>現在のデータベースのコピーを %1 に保存しました</translation>
    </message>
    <message>
        <source>Cannot keep a copy of %1 in %2; nothing was changed.</source>
        <translation>%1 のコピーを %2 に保存できません。何も変更していません。</translation>
    </message>
    <message>
        <source>Cannot keep a copy of %1: %2</source>
        <translation>%1 のコピーを保存できません: %2</translation>
    </message>
    <message>
        <source>the current database could not be read by SQLite (%1), so its files were copied as they are to %2</source>
        <translation>現在のデータベースを SQLite で読み取れなかったため (%1)、そのファイルをそのまま %2 にコピーしました</translation>
    </message>
    <message>
        <source>Cannot read the live database %1: %2</source>
        <translation>稼働中のデータベース %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>The generation uses %1-byte pages and the live WAL database %2-byte pages; adapting the copy failed: %3. Nothing was changed.</source>
        <translation>この世代のページサイズは %1 バイト、稼働中の WAL データベースのページサイズは %2 バイトです。コピーの変換に失敗しました: %3。何も変更していません。</translation>
    </message>
    <message>
        <source>The generation used %1-byte pages; it was rewritten with the live database's %2-byte pages before the restore (the content is the same).</source>
        <translation>この世代のページサイズは %1 バイトでした。復元の前に、稼働中のデータベースのページサイズ (%2 バイト) で書き直しました (内容は同じです)。</translation>
    </message>
    <message>
        <source>Cannot start writing into %1: %2</source>
        <translation>%1 への書き込みを開始できません: %2</translation>
    </message>
    <message>
        <source>Another process kept %1 locked for more than %2 s; nothing was changed. Stop the application that writes to it, or try again.</source>
        <translation>別のプロセスが %1 を %2 秒以上ロックしていたため、何も変更していません。書き込んでいるアプリケーションを停止するか、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>キャンセルしました。何も変更していません。</translation>
    </message>
    <message>
        <source>Writing into %1 failed (%2); SQLite rolled it back, nothing was changed.</source>
        <translation>%1 への書き込みに失敗しました (%2)。SQLite がロールバックしたため、何も変更されていません。</translation>
    </message>
    <message>
        <source>Cannot flush %1 to disk.</source>
        <translation>%1 をディスクにフラッシュできません。</translation>
    </message>
    <message>
        <source>Cannot move the restored file to %1: %2.</source>
        <translation>復元したファイルを %1 に移動できません: %2。</translation>
    </message>
</context>
<context>
    <name>Manifest</name>
    <message>
        <source>the manifest is not valid JSON (%1)</source>
        <translation>マニフェストが有効な JSON ではありません (%1)</translation>
    </message>
    <message>
        <source>the manifest is not a JSON object</source>
        <translation>マニフェストが JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>the manifest has no valid "format" field</source>
        <translation>マニフェストに有効な "format" フィールドがありません</translation>
    </message>
    <message>
        <source>the manifest uses format %1, newer than this LiteKeep understands (%2); update LiteKeep</source>
        <translation>マニフェストの形式 %1 は、この LiteKeep が扱える形式 (%2) より新しいものです。LiteKeep を更新してください</translation>
    </message>
    <message>
        <source>the manifest field "%1" is missing or not text</source>
        <translation>マニフェストのフィールド "%1" がないか、テキストではありません</translation>
    </message>
    <message>
        <source>the manifest's creation time is not valid</source>
        <translation>マニフェストの作成日時が無効です</translation>
    </message>
    <message>
        <source>the manifest has no "database" section</source>
        <translation>マニフェストに "database" セクションがありません</translation>
    </message>
    <message>
        <source>the manifest's database section: %1</source>
        <translation>マニフェストの database セクション: %1</translation>
    </message>
    <message>
        <source>the manifest's sizes or checksums are missing or malformed</source>
        <translation>マニフェストのサイズまたはチェックサムがないか、形式が正しくありません</translation>
    </message>
    <message>
        <source>the manifest field "source_path_sha256" is not a SHA-256</source>
        <translation>マニフェストのフィールド "source_path_sha256" が SHA-256 ではありません</translation>
    </message>
    <message>
        <source>the manifest field "source_mode" is not a file mode</source>
        <translation>マニフェストのフィールド「source_mode」がファイルモードではありません</translation>
    </message>
</context>
<context>
    <name>ParallelGzip</name>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 を読み取れません: %2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 に書き込めません: %2。</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Is the disk full?</source>
        <translation>%1 への書き込みに失敗しました: %2。ディスクの空き容量を確認してください。</translation>
    </message>
    <message>
        <source>Compressing %1 failed (%2).</source>
        <translation>%1 の圧縮に失敗しました (%2)。</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2.</source>
        <translation>%1 の読み取りに失敗しました: %2。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>the stream</source>
        <translation>ストリーム</translation>
    </message>
</context>
<context>
    <name>Pins</name>
    <message numerus="yes">
        <source>it is larger than any pins object LiteKeep writes (%n byte(s))</source>
        <translation>
            <numerusform>LiteKeep が書き込むどの固定情報オブジェクトよりも大きいです (%n バイト)</numerusform>
        </translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>有効な JSON ではありません: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>it has no "format" number</source>
        <translation>"format" の番号がありません</translation>
    </message>
    <message>
        <source>it was written by a newer LiteKeep (format %1)</source>
        <translation>新しいバージョンの LiteKeep が書き込んだものです (形式 %1)</translation>
    </message>
    <message>
        <source>format %1 is not one LiteKeep knows</source>
        <translation>形式 %1 は LiteKeep が知らない形式です</translation>
    </message>
    <message>
        <source>it names profile "%1", not "%2"</source>
        <translation>プロファイル "%2" ではなく "%1" を指しています</translation>
    </message>
    <message>
        <source>it has no "pins" list</source>
        <translation>"pins" の一覧がありません</translation>
    </message>
    <message>
        <source>pin %1 names no generation of profile "%2"</source>
        <translation>固定 %1 はプロファイル "%2" の世代を指していません</translation>
    </message>
    <message>
        <source>pin %1 names no warning ("pinned_by")</source>
        <translation>固定 %1 は警告を指していません ("pinned_by")</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>"%1" is not a valid profile name: use up to 63 letters, digits, '.', '_' or '-', starting with a letter or digit.</source>
        <translation>"%1" は有効なプロファイル名ではありません。英字、数字、'.'、'_'、'-' を使って 63 文字以内で指定し、先頭は英字か数字にしてください。</translation>
    </message>
    <message>
        <source>The database path must be absolute.</source>
        <translation>データベースのパスは絶対パスで指定してください。</translation>
    </message>
    <message>
        <source>An S3 destination needs an endpoint (for Cloudflare R2: https://ACCOUNT_ID.r2.cloudflarestorage.com).</source>
        <translation>S3 の保存先にはエンドポイントが必要です (Cloudflare R2 の場合: https://ACCOUNT_ID.r2.cloudflarestorage.com)。</translation>
    </message>
    <message>
        <source>The endpoint "%1" is not an http(s) URL.</source>
        <translation>エンドポイント "%1" は http(s) の URL ではありません。</translation>
    </message>
    <message>
        <source>The endpoint must not contain a user name or password; store credentials with "litekeep credentials set".</source>
        <translation>エンドポイントにユーザー名やパスワードを含めないでください。認証情報は "litekeep credentials set" で保存してください。</translation>
    </message>
    <message>
        <source>Keep days must be between 1 and 36500.</source>
        <translation>保持日数 (keep-days) は 1～36500 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>Keep-min must be between 1 and 10000: the newest generation is always kept.</source>
        <translation>最低保持世代数 (keep-min) は 1～10000 の範囲で指定してください。最新の世代は常に保持されます。</translation>
    </message>
    <message>
        <source>Keep-monthly must be between 0 and 1200.</source>
        <translation>月ごとの保持数 (keep-monthly) は 0～1200 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>Drill days must be between 0 (never) and 365.</source>
        <translation>復元訓練の間隔 (日数) は 0 (実行しない)～365 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>"%1" is not an http(s) URL.</source>
        <translation>"%1" は http(s) の URL ではありません。</translation>
    </message>
    <message>
        <source>The staleness threshold must be between 1 and 8760 hours.</source>
        <translation>古さの警告しきい値は 1～8760 時間の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The daily time must be HH:MM.</source>
        <translation>毎日の実行時刻は HH:MM 形式で指定してください。</translation>
    </message>
    <message>
        <source>The compression level must be between 1 and 9.</source>
        <translation>圧縮レベルは 1～9 の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The busy timeout must be between 1 and 3600 seconds.</source>
        <translation>ビジータイムアウトは 1～3600 秒の範囲で指定してください。</translation>
    </message>
    <message>
        <source>The CA certificate path must be absolute.</source>
        <translation>CA 証明書のパスは絶対パスで指定してください。</translation>
    </message>
    <message>
        <source>The CA certificate %1 cannot be read: %2.</source>
        <translation>CA 証明書 %1 を読み取れません: %2。</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate file (it has no "-----BEGIN CERTIFICATE-----" line).</source>
        <translation>%1 は PEM 形式の証明書ファイルではありません ("-----BEGIN CERTIFICATE-----" の行がありません)。</translation>
    </message>
</context>
<context>
    <name>ProfileLock</name>
    <message>
        <source>Cannot create the lock folder %1.</source>
        <translation>ロックフォルダー %1 を作成できません。</translation>
    </message>
    <message>
        <source>Cannot create the lock for profile "%1" in %2.</source>
        <translation>%2 にプロファイル "%1" のロックを作成できません。</translation>
    </message>
    <message>
        <source>A run of profile "%1" is already in progress (%2); wait for it to finish.</source>
        <translation>プロファイル "%1" の実行がすでに進行中です (%2)。終了するまでお待ちください。</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>プロセス %1</translation>
    </message>
    <message>
        <source>the LiteKeep app, process %1</source>
        <translation>LiteKeep アプリ、プロセス %1</translation>
    </message>
    <message>
        <source>process %1: %2</source>
        <translation>プロセス %1: %2</translation>
    </message>
</context>
<context>
    <name>ProfileStatus</name>
    <message>
        <source>The last backup failed.</source>
        <translation>前回のバックアップは失敗しました。</translation>
    </message>
    <message numerus="yes">
        <source>The newest verified backup is older than the %n hour(s) this profile allows.</source>
        <translation>
            <numerusform>検証済みの最新のバックアップが、このプロファイルで許容される %n 時間より古くなっています。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no verified backup yet.</source>
        <translation>検証済みのバックアップはまだありません。</translation>
    </message>
    <message>
        <source>The restore drill is overdue: it was due on %1.</source>
        <translation>復元訓練が期限を過ぎています（期限は %1 でした）。</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>waiting for its first backup</source>
        <translation>最初のバックアップ待ち</translation>
    </message>
    <message>
        <source>a backup is running</source>
        <translation>バックアップ中</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>要確認</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Backed up %1 · verified</source>
        <extracomment>%1 is when: "3 hours ago", "yesterday at 02:00"</extracomment>
        <translation>バックアップ: %1 · 検証済み</translation>
    </message>
    <message>
        <source>Backed up %1</source>
        <translation>バックアップ: %1</translation>
    </message>
    <message>
        <source>No backup yet · the first one %1</source>
        <extracomment>%1 is when: "tonight at 02:00", "in 5 minutes"</extracomment>
        <translation>バックアップはまだありません · 最初: %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>バックアップはまだありません</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>バックアップ中…</translation>
    </message>
    <message>
        <source>Backing up: %1</source>
        <translation>バックアップ中: %1</translation>
    </message>
    <message>
        <source>Failed %1: %2</source>
        <extracomment>%1 is when ("2 hours ago"), %2 the reason</extracomment>
        <translation>失敗 (%1): %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Paused · backed up %1</source>
        <translation>一時停止中 · バックアップ: %1</translation>
    </message>
    <message>
        <source>Paused · no backup yet</source>
        <translation>一時停止中 · バックアップはまだありません</translation>
    </message>
    <message>
        <source>Unknown: the run history cannot be read</source>
        <translation>不明: 実行履歴を読み取れません</translation>
    </message>
    <message>
        <source>%1 is healthy</source>
        <translation>%1 は正常です</translation>
    </message>
    <message>
        <source>%1 is waiting for its first backup</source>
        <translation>%1 は最初のバックアップを待っています</translation>
    </message>
    <message>
        <source>%1 is being backed up</source>
        <translation>%1 をバックアップしています</translation>
    </message>
    <message>
        <source>%1 needs attention</source>
        <translation>%1 は確認が必要です</translation>
    </message>
    <message>
        <source>%1: the last backup failed</source>
        <translation>%1: 前回のバックアップは失敗しました</translation>
    </message>
    <message>
        <source>%1: schedules are paused</source>
        <translation>%1: スケジュールは一時停止中です</translation>
    </message>
    <message>
        <source>%1: its state is unknown</source>
        <translation>%1: 状態は不明です</translation>
    </message>
    <message>
        <source>Schedules are paused</source>
        <translation>スケジュールは一時停止中です</translation>
    </message>
    <message>
        <source>Next backup %1</source>
        <extracomment>%1 is when: "tonight at 02:00", "in 5 minutes", "on Wednesday at 02:00"</extracomment>
        <translation>次のバックアップ: %1</translation>
    </message>
</context>
<context>
    <name>ProgressPrinter</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>残り約 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>残り約 %n 分</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RcloneErrors</name>
    <message>
        <source>%1 failed: rclone could not be started (%2). Install rclone ("apt install rclone") or set LITEKEEP_RCLONE to its path.</source>
        <translation>%1 に失敗しました: rclone を起動できませんでした (%2)。rclone をインストールする ("apt install rclone") か、LITEKEEP_RCLONE に rclone のパスを設定してください。</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 はキャンセルされました。</translation>
    </message>
    <message>
        <source>%1 took too long and was stopped. Check your connection to %2.</source>
        <translation>%1 に時間がかかりすぎたため中止しました。%2 への接続を確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: the storage at %2 rejected the access key (403). Check the credentials with "litekeep credentials set" and that the key may use this bucket.</source>
        <translation>%1 に失敗しました: %2 のストレージがアクセスキーを拒否しました (403)。"litekeep credentials set" で認証情報を確認し、そのキーにこのバケットの使用権限があることを確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: the bucket "%2" does not exist at %3. Create it, or correct the destination.</source>
        <translation>%1 に失敗しました: バケット "%2" は %3 に存在しません。バケットを作成するか、保存先を修正してください。</translation>
    </message>
    <message>
        <source>%1 failed: this computer's clock differs too much from the storage's. Correct the system time.</source>
        <translation>%1 に失敗しました: このコンピューターの時計とストレージの時刻のずれが大きすぎます。システムの時刻を修正してください。</translation>
    </message>
    <message>
        <source>%1 failed: the host of %2 could not be found (DNS). Check the endpoint and your network connection.</source>
        <translation>%1 に失敗しました: %2 のホストが見つかりませんでした (DNS)。エンドポイントとネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: %2 refused the connection. Check the endpoint URL and that the service is reachable.</source>
        <translation>%1 に失敗しました: %2 が接続を拒否しました。エンドポイントの URL と、サービスに接続できる状態かを確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: %2 did not answer in time. Check your network connection.</source>
        <translation>%1 に失敗しました: %2 から時間内に応答がありませんでした。ネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: the destination %2 is full.</source>
        <translation>%1 に失敗しました: 保存先 %2 の容量がいっぱいです。</translation>
    </message>
    <message>
        <source>%1 failed: permission denied (%2). Check who owns %3 and its permissions.</source>
        <translation>%1 に失敗しました: アクセスが拒否されました (%2)。%3 の所有者とアクセス権を確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: %2 does not exist or is not a folder.</source>
        <translation>%1 に失敗しました: %2 が存在しないか、フォルダーではありません。</translation>
    </message>
    <message>
        <source>%1 failed: rclone exited with code %2 (%3).</source>
        <translation>%1 に失敗しました: rclone が終了コード %2 で終了しました (%3)。</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <source>the certificate was refused</source>
        <translation>証明書が拒否されました</translation>
    </message>
    <message>
        <source>%1 failed: rclone was killed or crashed before it finished. Run it again; if it happens again, look in the system log (for example for the out-of-memory killer).</source>
        <translation>%1 に失敗しました: rclone が完了前に強制終了されたか、クラッシュしました。もう一度実行し、再発する場合はシステムログ (OOM キラーの記録など) を確認してください。</translation>
    </message>
    <message>
        <source>%1 failed: rclone could not use the CA certificate file given with --ca-cert. Check the file with "litekeep profile show" and correct it with "litekeep profile set NAME --ca-cert FILE".</source>
        <translation>%1 に失敗しました: rclone が --ca-cert で指定された CA 証明書ファイルを使用できませんでした。"litekeep profile show" でファイルを確認し、"litekeep profile set NAME --ca-cert FILE" で修正してください。</translation>
    </message>
    <message>
        <source>%1 failed: the TLS certificate of %2 could not be verified (%3). If the server uses a private or self-signed certificate, give its certificate authority with "litekeep profile set NAME --ca-cert FILE".</source>
        <translation>%1 に失敗しました: %2 の TLS 証明書を検証できませんでした (%3)。サーバーがプライベート証明書または自己署名証明書を使用している場合は、"litekeep profile set NAME --ca-cert FILE" でその認証局を指定してください。</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>kept: the last backup failed, so nothing is pruned</source>
        <translation>保持: 前回のバックアップが失敗したため、古い世代は削除しません</translation>
    </message>
    <message>
        <source>kept: written by a newer LiteKeep</source>
        <translation>保持: 新しいバージョンの LiteKeep で書き込まれています</translation>
    </message>
    <message>
        <source>kept: pinned</source>
        <translation>保持: 固定されています</translation>
    </message>
    <message>
        <source>kept: dated in the future (is a clock wrong?)</source>
        <translation>保持: 日付が未来です (時計がずれている可能性があります)</translation>
    </message>
    <message>
        <source>kept: the newest verified generation</source>
        <translation>保持: 検証済みの最新の世代</translation>
    </message>
    <message numerus="yes">
        <source>kept: one of the newest %n good generation(s)</source>
        <translation>
            <numerusform>保持: 正常な最新 %n 件の世代のうちの 1 つ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>kept: younger than %n day(s)</source>
        <translation>
            <numerusform>保持: 作成から %n 日未満</numerusform>
        </translation>
    </message>
    <message>
        <source>kept: the newest of its month</source>
        <translation>保持: その月の最新の世代</translation>
    </message>
    <message numerus="yes">
        <source>deleted: failed verification, and older than %n day(s)</source>
        <translation>
            <numerusform>削除: 検証に失敗しており、%n 日より古い</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted: older than %n day(s)</source>
        <translation>
            <numerusform>削除: %n 日より古い</numerusform>
        </translation>
    </message>
    <message>
        <source>the manifest does not parse or does not match its data</source>
        <translation>マニフェストを解析できないか、データと一致しません</translation>
    </message>
    <message>
        <source>kept: damaged (%1); remove with prune --include-damaged</source>
        <translation>保持: 破損しています (%1)。prune --include-damaged で削除できます</translation>
    </message>
    <message numerus="yes">
        <source>deleted: damaged (%1), and older than %n day(s)</source>
        <translation>
            <numerusform>削除: 破損しており (%1)、%n 日より古い</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deleted: incomplete, and older than %n day(s)</source>
        <translation>
            <numerusform>削除: 不完全で、%n 日より古い</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsRegistry</name>
    <message>
        <source>Show a desktop notice after every successful backup too, not only after problems.</source>
        <translation>問題があったときだけでなく、バックアップが成功するたびにもデスクトップ通知を表示します。</translation>
    </message>
    <message>
        <source>Show a desktop notice when a run fails.</source>
        <translation>実行が失敗したときにデスクトップ通知を表示します。</translation>
    </message>
    <message>
        <source>Show a desktop notice at the first success after a failure.</source>
        <translation>失敗の後、最初に成功したときにデスクトップ通知を表示します。</translation>
    </message>
    <message>
        <source>Show a desktop notice when no verified backup is newer than the profile allows.</source>
        <translation>プロファイルで許容する期間より新しい検証済みバックアップがないときに、デスクトップ通知を表示します。</translation>
    </message>
    <message>
        <source>Show a desktop notice when tables lost many rows since the previous backup.</source>
        <translation>前回のバックアップからテーブルの行が大量に失われたときに、デスクトップ通知を表示します。</translation>
    </message>
    <message>
        <source>low runs backups, verifications and restores at low CPU and disk priority so the desktop stays responsive; normal does not.</source>
        <translation>low では、デスクトップの応答性を保つため、バックアップ・検証・復元を低い CPU とディスクの優先度で実行します。normal では通常の優先度で実行します。</translation>
    </message>
    <message>
        <source>How many threads compress a backup; 0 means one per core.</source>
        <translation>バックアップを圧縮するスレッド数。0 はコアごとに 1 つです。</translation>
    </message>
    <message>
        <source>The gzip level new profiles start with, 1 to 9.</source>
        <translation>新しいプロファイルの初期 gzip レベル (1〜9)。</translation>
    </message>
    <message>
        <source>The interface language, en or ja; empty follows the system.</source>
        <translation>画面の言語 (en または ja)。空ならシステムの設定に従います。</translation>
    </message>
    <message>
        <source>When the profile was added; the schedule owes nothing before it.</source>
        <translation>プロファイルを追加した日時。それより前の分のバックアップはスケジュール上の未実行として扱いません。</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>The database file %1 does not exist. Check the path in the profile.</source>
        <translation>データベースファイル %1 が存在しません。プロファイルのパスを確認してください。</translation>
    </message>
    <message>
        <source>%1 is a folder, not an SQLite database file.</source>
        <translation>%1 はフォルダーです。SQLite データベースファイルではありません。</translation>
    </message>
    <message>
        <source>Cannot read the database file %1: %2. Check its permissions.</source>
        <translation>データベースファイル %1 を読み取れません: %2。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes); there is no database to back up yet.</source>
        <translation>%1 は空 (0 バイト) です。バックアップするデータベースがまだありません。</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (it may be encrypted, for example with SQLCipher, or another kind of file).</source>
        <translation>%1 は SQLite データベースではありません (SQLCipher などで暗号化されているか、別の種類のファイルの可能性があります)。</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (it may be encrypted or damaged).</source>
        <translation>%1 は SQLite データベースではありません (暗号化または破損している可能性があります)。</translation>
    </message>
    <message>
        <source>The database %1 stayed locked by another process for more than %2 s. Try again when it is less busy, or raise the busy timeout.</source>
        <translation>データベース %1 が別のプロセスによって %2 秒以上ロックされたままでした。負荷が下がってからもう一度試すか、ビジータイムアウトを長くしてください。</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2.</source>
        <translation>データベース %1 を読み取れません: %2。</translation>
    </message>
    <message>
        <source>Cannot start the snapshot of %1: %2.</source>
        <translation>%1 のスナップショットを開始できません: %2。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1 is not a valid SQLite database (%2).</source>
        <translation>%1 は有効な SQLite データベースではありません (%2)。</translation>
    </message>
    <message>
        <source>Writing the snapshot to %1 failed (%2). Is the disk full?</source>
        <translation>スナップショットを %1 に書き込めませんでした (%2)。ディスクの空き容量を確認してください。</translation>
    </message>
    <message>
        <source>The snapshot of %1 failed: %2.</source>
        <translation>%1 のスナップショットに失敗しました: %2。</translation>
    </message>
    <message>
        <source>Cannot prepare the snapshot: %1.</source>
        <translation>スナップショットを準備できません: %1。</translation>
    </message>
    <message>
        <source>The integrity check of the snapshot failed to run: %1.</source>
        <translation>スナップショットの整合性チェックを実行できませんでした: %1。</translation>
    </message>
    <message>
        <source>The snapshot of %1 failed SQLite's integrity check (%2). Nothing was uploaded. The database itself may be damaged: keep your existing backups and investigate before the next run.</source>
        <translation>%1 のスナップショットが SQLite の整合性チェックで不合格になりました (%2)。何もアップロードしていません。データベース自体が破損している可能性があります。既存のバックアップは残したまま、次回の実行までに原因を調べてください。</translation>
    </message>
    <message>
        <source>Cannot read the snapshot: %1.</source>
        <translation>スナップショットを読み取れません: %1。</translation>
    </message>
</context>
<context>
    <name>SqliteDatabase</name>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>%1 を開けません: %2。</translation>
    </message>
</context>
<context>
    <name>Staging</name>
    <message>
        <source>Cannot create the staging folder %1. Check that the disk is writable.</source>
        <translation>作業用フォルダー %1 を作成できません。ディスクに書き込めるか確認してください。</translation>
    </message>
    <message>
        <source>Not enough free space to stage the snapshot in %1: %2 needed, %3 free. Free some space or point XDG_CACHE_HOME elsewhere.</source>
        <translation>%1 にスナップショットを一時保存するための空き容量が足りません (必要: %2、空き: %3)。空き容量を増やすか、XDG_CACHE_HOME を別の場所に設定してください。</translation>
    </message>
    <message>
        <source>Cannot create the staging folder %1.</source>
        <translation>作業用フォルダー %1 を作成できません。</translation>
    </message>
</context>
<context>
    <name>Verifier</name>
    <message>
        <source>PRAGMA integrity_check could not run: %1</source>
        <translation>PRAGMA integrity_check を実行できませんでした: %1</translation>
    </message>
    <message>
        <source>PRAGMA integrity_check reports: %1</source>
        <translation>PRAGMA integrity_check の結果: %1</translation>
    </message>
    <message>
        <source>the database cannot be read: %1</source>
        <translation>データベースを読み取れません: %1</translation>
    </message>
    <message>
        <source>it has %1 pages of %2 bytes, the manifest says %3 of %4</source>
        <translation>%2 バイトのページが %1 ページありますが、マニフェストでは %4 バイトのページが %3 ページです</translation>
    </message>
    <message>
        <source>its schema differs from the one recorded in the manifest</source>
        <translation>スキーマがマニフェストに記録されたものと異なります</translation>
    </message>
    <message>
        <source>its user_version is %1, the manifest says %2</source>
        <translation>user_version が %1 ですが、マニフェストでは %2 です</translation>
    </message>
    <message>
        <source>table "%1" has %2 rows, the manifest says %3</source>
        <translation>テーブル "%1" の行数が %2 ですが、マニフェストでは %3 です</translation>
    </message>
    <message>
        <source>its tables differ from those recorded in the manifest</source>
        <translation>テーブル構成がマニフェストに記録されたものと異なります</translation>
    </message>
    <message>
        <source>it has no readable manifest</source>
        <translation>読み取り可能なマニフェストがありません</translation>
    </message>
    <message>
        <source>the data file is missing</source>
        <translation>データファイルがありません</translation>
    </message>
    <message>
        <source>not enough free space in %1 to check it (%2 bytes needed)</source>
        <translation>%1 に検証用の空き容量が足りません (%2 バイト必要)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>it is larger than the manifest says (%1 bytes)</source>
        <translation>マニフェストの記載より大きいサイズです (%1 バイト)</translation>
    </message>
    <message>
        <source>writing %1 failed: %2. Is the disk full?</source>
        <translation>%1 への書き込みに失敗しました: %2。ディスクの空き容量を確認してください</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 のダウンロード</translation>
    </message>
    <message>
        <source>it has %1 bytes, the manifest says %2 (truncated?)</source>
        <translation>サイズが %1 バイトですが、マニフェストでは %2 バイトです (切り詰められている可能性があります)</translation>
    </message>
    <message>
        <source>the SHA-256 of the .db.gz does not match the manifest</source>
        <translation>.db.gz の SHA-256 がマニフェストと一致しません</translation>
    </message>
    <message>
        <source>the gzip stream ends early (truncated)</source>
        <translation>gzip ストリームが途中で終わっています (切り詰められています)</translation>
    </message>
    <message>
        <source>the SHA-256 of the decompressed database does not match the manifest</source>
        <translation>展開したデータベースの SHA-256 がマニフェストと一致しません</translation>
    </message>
    <message>
        <source>the first download was corrupted in transit (%1); a second download passed</source>
        <translation>最初のダウンロードは転送中に破損していました (%1)。2 回目のダウンロードは合格しました</translation>
    </message>
    <message>
        <source>%1; a second download failed the same way</source>
        <translation>%1。2 回目のダウンロードも同じ理由で不合格でした</translation>
    </message>
    <message>
        <source>%1; a second download failed too: %2</source>
        <translation>%1。2 回目のダウンロードも不合格でした: %2</translation>
    </message>
</context>
<context>
    <name>lk::BackupCommand</name>
    <message>
        <source>The profile to back up.</source>
        <translation>バックアップするプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Skip verifying the new generation (and so retention) for this run.</source>
        <translation>今回の実行では新しい世代の検証 (およびそれに続く保持ルールの適用) を行いません。</translation>
    </message>
    <message>
        <source>Usage: litekeep backup [--profile NAME]</source>
        <translation>使用法: litekeep backup [--profile NAME]</translation>
    </message>
    <message>
        <source>warning: the run will not be recorded in the history: %1</source>
        <translation>警告: この実行は履歴に記録されません: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
</context>
<context>
    <name>lk::BackupJob</name>
    <message>
        <source>Preparing</source>
        <translation>準備中</translation>
    </message>
    <message>
        <source>Taking snapshot</source>
        <translation>スナップショットを作成中</translation>
    </message>
    <message>
        <source>Compressing</source>
        <translation>圧縮中</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>アップロード中</translation>
    </message>
    <message>
        <source>Checking upload</source>
        <translation>アップロードを確認中</translation>
    </message>
    <message>
        <source>Writing manifest</source>
        <translation>マニフェストを書き込み中</translation>
    </message>
    <message>
        <source>Verifying from the destination</source>
        <translation>保存先から検証中</translation>
    </message>
    <message>
        <source>Applying retention</source>
        <translation>保持ルールを適用中</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation>復元訓練</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancelled after generation %1 was stored; its verification and retention did not finish.</source>
        <translation>世代 %1 を保存した後にキャンセルされました。検証と保持ルールの適用は完了していません。</translation>
    </message>
    <message>
        <source>The backup of profile "%1" was cancelled; nothing was added to the destination.</source>
        <translation>プロファイル "%1" のバックアップはキャンセルされました。保存先には何も追加していません。</translation>
    </message>
    <message>
        <source>No credentials for profile "%1". Store them with "litekeep credentials set %1" or set %2 and %3.</source>
        <translation>プロファイル "%1" の認証情報がありません。"litekeep credentials set %1" で保存するか、%2 と %3 を設定してください。</translation>
    </message>
    <message>
        <source>Cannot write the manifest in %1: %2.</source>
        <translation>%1 にマニフェストを書き込めません: %2。</translation>
    </message>
    <message>
        <source>The new generation %1 was uploaded but could not be verified: %2</source>
        <translation>新しい世代 %1 はアップロードされましたが、検証できませんでした: %2</translation>
    </message>
    <message>
        <source>The new generation %1 failed verification after upload: %2. It stays on the destination for inspection; nothing was pruned.</source>
        <translation>新しい世代 %1 はアップロード後の検証に失敗しました: %2。調査のため保存先に残してあります。古い世代の削除は行っていません。</translation>
    </message>
    <message>
        <source>Retention could not run: %1</source>
        <translation>保持ルールを適用できませんでした: %1</translation>
    </message>
    <message>
        <source>The restore drill found a problem: %1</source>
        <translation>復元訓練で問題が見つかりました: %1</translation>
    </message>
    <message>
        <source>Backed up %1 to %2 as %3 (%4 compressed to %5) in %6 s.</source>
        <translation>%1 を %2 に %3 としてバックアップしました (%4 → 圧縮後 %5、%6 秒)。</translation>
    </message>
    <message>
        <source>Verified from the destination.</source>
        <translation>保存先から検証しました。</translation>
    </message>
    <message>
        <source>Not verified (--no-verify); nothing was pruned.</source>
        <translation>検証していません (--no-verify)。古い世代の削除は行っていません。</translation>
    </message>
    <message numerus="yes">
        <source>Retention removed %n old object(s).</source>
        <translation>
            <numerusform>保持ルールにより古いオブジェクトを %n 個削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>This backup could not be compared with the previous one: %1</source>
        <translation>このバックアップを前回のバックアップと比較できませんでした: %1</translation>
    </message>
    <message>
        <source>The warning could not be recorded, so the previous backup is not protected from retention: %1</source>
        <translation>警告を記録できなかったため、前回のバックアップは保持ルールによる削除から保護されていません: %1</translation>
    </message>
    <message>
        <source>The backup of profile "%1" was cancelled after its data was uploaded, and %2 could not be removed (%3). It stays on the destination without a manifest: it lists as incomplete, is never offered for a restore, and retention removes it.</source>
        <translation>プロファイル "%1" のバックアップはデータのアップロード後にキャンセルされ、%2 を削除できませんでした (%3)。マニフェストのないまま保存先に残っています。不完全な世代として一覧に表示され、復元の候補にはならず、保持ルールによって削除されます。</translation>
    </message>
    <message>
        <source>While verifying, %1.</source>
        <translation>検証中: %1。</translation>
    </message>
    <message>
        <source>The pin could not be written to the destination (%1); only this machine's history keeps the previous backup from retention.</source>
        <translation>固定情報を保存先に書き込めませんでした (%1)。前回のバックアップを保持ルールから守っているのは、このマシンの履歴だけです。</translation>
    </message>
    <message>
        <source>The warning could not be recorded in the history (%1); the pins on the destination still keep the previous backup from retention.</source>
        <translation>警告を履歴に記録できませんでした (%1)。保存先の固定情報が、引き続き前回のバックアップを保持ルールから守ります。</translation>
    </message>
</context>
<context>
    <name>lk::Cli</name>
    <message>
        <source>Unknown option "%1". "litekeep --help" lists the options and commands.</source>
        <translation>不明なオプション "%1" です。オプションとコマンドの一覧は "litekeep --help" で確認できます。</translation>
    </message>
</context>
<context>
    <name>lk::ConnectionTest</name>
    <message>
        <source>List the destination</source>
        <translation>保存先の一覧取得</translation>
    </message>
    <message>
        <source>Write a test file</source>
        <translation>テストファイルの書き込み</translation>
    </message>
    <message>
        <source>Read it back</source>
        <translation>読み戻し</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>削除</translation>
    </message>
    <message numerus="yes">
        <source>The destination answers; it holds %n object(s) for this profile.</source>
        <translation>
            <numerusform>保存先は応答しています。このプロファイルのオブジェクトが %n 個あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot create the test file in %1.</source>
        <translation>%1 にテストファイルを作成できません。</translation>
    </message>
    <message>
        <source>Writing works.</source>
        <translation>書き込みは正常です。</translation>
    </message>
    <message>
        <source>The test file came back different from what was written.</source>
        <translation>読み戻したテストファイルが、書き込んだ内容と異なります。</translation>
    </message>
    <message>
        <source>Reading works and the content is intact.</source>
        <translation>読み取りは正常で、内容も損なわれていません。</translation>
    </message>
    <message>
        <source>%1 Retention needs permission to delete old generations.</source>
        <translation>%1 保持ルールを適用するには、古い世代を削除する権限が必要です。</translation>
    </message>
    <message>
        <source>Deleting works.</source>
        <translation>削除は正常です。</translation>
    </message>
    <message>
        <source>The connection works: listing, writing, reading and deleting all succeeded.</source>
        <translation>接続は正常です。一覧取得、書き込み、読み取り、削除のすべてに成功しました。</translation>
    </message>
</context>
<context>
    <name>lk::CredentialStore</name>
    <message>
        <source>The keychain entry is incomplete; set the credentials again with "litekeep credentials set".</source>
        <translation>キーチェーンのエントリが不完全です。"litekeep credentials set" で認証情報を設定し直してください。</translation>
    </message>
    <message>
        <source>No credentials are stored for this profile. Store them with "litekeep credentials set PROFILE", or set %1 and %2 for headless use.</source>
        <translation>このプロファイルの認証情報は保存されていません。"litekeep credentials set PROFILE" で保存するか、ヘッドレスで使用する場合は %1 と %2 を設定してください。</translation>
    </message>
    <message>
        <source>The keychain refused access (%1). Unlock your keyring and try again.</source>
        <translation>キーチェーンがアクセスを拒否しました (%1)。キーリングのロックを解除して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>No keychain is available (the Secret Service on D-Bus did not answer: %1). Start and unlock a keyring such as GNOME Keyring or KWallet, or set %2 and %3 for headless use.</source>
        <translation>キーチェーンを利用できません (D-Bus 上の Secret Service が応答しませんでした: %1)。GNOME Keyring や KWallet などのキーリングを起動してロックを解除するか、ヘッドレスで使用する場合は %2 と %3 を設定してください。</translation>
    </message>
    <message>
        <source>The keychain failed: %1. Make sure a keyring (GNOME Keyring or KWallet) is running and unlocked, or set %2 and %3 for headless use.</source>
        <translation>キーチェーンでエラーが発生しました: %1。キーリング (GNOME Keyring または KWallet) が起動していてロックが解除されていることを確認するか、ヘッドレスで使用する場合は %2 と %3 を設定してください。</translation>
    </message>
</context>
<context>
    <name>lk::CredentialsCommand</name>
    <message>
        <source>Access key id: </source>
        <translation>アクセスキー ID: </translation>
    </message>
    <message>
        <source>Secret access key: </source>
        <translation>シークレットアクセスキー: </translation>
    </message>
    <message>
        <source>Usage: litekeep credentials set NAME (reads the access key id and the secret from stdin, one per line) | credentials remove NAME</source>
        <translation>使用法: litekeep credentials set NAME (アクセスキー ID とシークレットを標準入力から 1 行ずつ読み取ります) | credentials remove NAME</translation>
    </message>
    <message>
        <source>Profile "%1" backs up to a local folder; it needs no credentials.</source>
        <translation>プロファイル "%1" の保存先はローカルフォルダーのため、認証情報は不要です。</translation>
    </message>
    <message>
        <source>Credentials of profile "%1" removed from the keychain.</source>
        <translation>プロファイル "%1" の認証情報をキーチェーンから削除しました。</translation>
    </message>
    <message>
        <source>Give the access key id and the secret access key on standard input, one per line.</source>
        <translation>アクセスキー ID とシークレットアクセスキーを、標準入力から 1 行ずつ入力してください。</translation>
    </message>
    <message>
        <source>The credentials were not stored: %1</source>
        <translation>認証情報を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Credentials of profile "%1" stored in the keychain.</source>
        <translation>プロファイル "%1" の認証情報をキーチェーンに保存しました。</translation>
    </message>
</context>
<context>
    <name>lk::CredentialsWidget</name>
    <message>
        <source>Cloudflare R2</source>
        <translation>Cloudflare R2</translation>
    </message>
    <message>
        <source>Another S3-compatible service</source>
        <translation>その他の S3 互換サービス</translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation>ストレージ:</translation>
    </message>
    <message>
        <source>the 32-character account ID from the R2 dashboard</source>
        <translation>R2 ダッシュボードに表示される 32 文字のアカウント ID</translation>
    </message>
    <message>
        <source>R2 account ID:</source>
        <translation>R2 アカウント ID:</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>エンドポイント URL:</translation>
    </message>
    <message>
        <source>my-backups</source>
        <translation>my-backups</translation>
    </message>
    <message>
        <source>Bucket:</source>
        <translation>バケット:</translation>
    </message>
    <message>
        <source>optional folder, e.g. cogito</source>
        <translation>任意のフォルダー (例: cogito)</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>プレフィックス:</translation>
    </message>
    <message>
        <source>Access key ID:</source>
        <translation>アクセスキー ID:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Secret access key:</source>
        <translation>シークレットアクセスキー:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>非表示</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>OK: </source>
        <translation>成功: </translation>
    </message>
    <message>
        <source>Failed: </source>
        <translation>失敗: </translation>
    </message>
    <message>
        <source>optional: a PEM file, for a server with a private certificate authority</source>
        <translation>任意：独自の認証局を使うサーバー用の PEM ファイル</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA 証明書:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 証明書</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 証明書 (*.pem *.crt *.cer);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>lk::DataUpload</name>
    <message>
        <source>The streamed upload failed (%1); the staged copy was uploaded instead.</source>
        <translation>ストリーミングによるアップロードに失敗したため (%1)、ステージングしたコピーを代わりにアップロードしました。</translation>
    </message>
    <message>
        <source>The uploaded file %1 does not appear on the destination. The upload did not complete; no generation was added.</source>
        <translation>アップロードしたファイル %1 が保存先に見つかりません。アップロードは完了しておらず、世代は追加されていません。</translation>
    </message>
    <message>
        <source>The uploaded file %1 has %2 bytes on the destination, but %3 were sent. No generation was added.</source>
        <translation>アップロードしたファイル %1 は保存先では %2 バイトですが、送信したのは %3 バイトです。世代は追加されていません。</translation>
    </message>
    <message>
        <source>The uploaded file %1 differs from what was sent (MD5 mismatch). No generation was added.</source>
        <translation>アップロードしたファイル %1 が送信した内容と異なります (MD5 不一致)。世代は追加されていません。</translation>
    </message>
</context>
<context>
    <name>lk::DestinationPins</name>
    <message>
        <source>The pins on the destination (%1) could not be read (%2).</source>
        <translation>保存先の固定情報 (%1) を読み取れませんでした (%2)。</translation>
    </message>
    <message>
        <source>The pins for the destination (%1) could not be written to a temporary file: %2.</source>
        <translation>保存先用の固定情報 (%1) を一時ファイルに書き込めませんでした: %2。</translation>
    </message>
</context>
<context>
    <name>lk::DiffCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Compare with the live database.</source>
        <translation>稼働中のデータベースと比較します。</translation>
    </message>
    <message>
        <source>Usage: litekeep diff [--profile NAME] GENERATION_A (GENERATION_B | --live)</source>
        <translation>使用法: litekeep diff [--profile NAME] GENERATION_A (GENERATION_B | --live)</translation>
    </message>
    <message>
        <source>No differences in tables, row counts or schema.</source>
        <translation>テーブル、行数、スキーマに違いはありません。</translation>
    </message>
</context>
<context>
    <name>lk::DiffView</name>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Live database</source>
        <translation>稼働中のデータベース</translation>
    </message>
    <message>
        <source>This generation</source>
        <translation>この世代</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>増減</translation>
    </message>
    <message>
        <source>The live database holds the same tables, row counts and schema as the generation of %1: restoring it changes no row counts (rows may still differ in content).</source>
        <translation>稼働中のデータベースは、%1 の世代とテーブル、行数、スキーマが同じです。復元しても行数は変わりません (行の内容が異なる場合はあります)。</translation>
    </message>
    <message>
        <source>Compared with the live database, restoring the generation of %1:</source>
        <translation>稼働中のデータベースと比べて、%1 の世代を復元すると次のように変わります:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>lk::DismissCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Dismiss every open warning.</source>
        <translation>未解除の警告をすべて解除します。</translation>
    </message>
    <message>
        <source>Usage: litekeep dismiss [--profile NAME] (GENERATION | --all)</source>
        <translation>使用法: litekeep dismiss [--profile NAME] (GENERATION | --all)</translation>
    </message>
    <message>
        <source>Profile "%1" has no open warnings.</source>
        <translation>プロファイル "%1" に未解除の警告はありません。</translation>
    </message>
    <message>
        <source>There is no open warning about %1. Open warnings of profile "%2": %3.</source>
        <translation>%1 に関する未解除の警告はありません。プロファイル "%2" の未解除の警告: %3。</translation>
    </message>
    <message>
        <source>Dismissed the warning about %1; retention now treats %2 like any other backup.</source>
        <translation>%1 に関する警告を解除しました。今後、保持ルールは %2 を他のバックアップと同じように扱います。</translation>
    </message>
    <message numerus="yes">
        <source>Dismissed %n warning(s); retention now treats the backups they kept like any other.</source>
        <translation>
            <numerusform>%n 件の警告を解除しました。今後、保持ルールはこれらの警告で保持されていたバックアップを他のバックアップと同じように扱います。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Nothing was dismissed.</source>
        <translation>%1 何も解除していません。</translation>
    </message>
    <message>
        <source>The warning was dismissed in this machine's history only. %1 Retention keeps what it kept until "litekeep dismiss" is run again and succeeds.</source>
        <translation>警告はこのマシンの履歴でのみ解除されました。%1 "litekeep dismiss" をもう一度実行して成功するまで、保持ルールはこれまで保持していたものを保持し続けます。</translation>
    </message>
</context>
<context>
    <name>lk::FailureBanner</name>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Back up this profile again now.</source>
        <translation>このプロファイルを今すぐもう一度バックアップします。</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>詳細を表示</translation>
    </message>
    <message>
        <source>Show the failed run in the history, with its full message.</source>
        <translation>失敗した実行を、メッセージ全文とともに実行履歴で表示します。</translation>
    </message>
    <message>
        <source>The last backup failed.</source>
        <translation>前回のバックアップは失敗しました。</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>前回のバックアップは失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>lk::FirstRunWizard</name>
    <message>
        <source>Set up LiteKeep</source>
        <translation>LiteKeep のセットアップ</translation>
    </message>
    <message>
        <source>Which database?</source>
        <translation>どのデータベースを保護しますか？</translation>
    </message>
    <message>
        <source>Choose the SQLite file to protect. LiteKeep copies it safely while your application keeps using it.</source>
        <translation>保護する SQLite ファイルを選択してください。アプリケーションが使用中のままでも、LiteKeep は安全にコピーします。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>データベースファイル:</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>プロファイル名:</translation>
    </message>
    <message>
        <source>Choose the SQLite database</source>
        <translation>SQLite データベースを選択</translation>
    </message>
    <message>
        <source>Where should backups go?</source>
        <translation>バックアップの保存先はどこにしますか？</translation>
    </message>
    <message>
        <source>A local folder works at once. Cloudflare R2 or another S3-compatible storage keeps them off this machine.</source>
        <translation>ローカルフォルダーならすぐに使えます。Cloudflare R2 などの S3 互換ストレージなら、このマシンとは別の場所に保管できます。</translation>
    </message>
    <message>
        <source>A local folder (no account needed)</source>
        <translation>ローカルフォルダー (アカウント不要)</translation>
    </message>
    <message>
        <source>Cloudflare R2 or S3-compatible storage</source>
        <translation>Cloudflare R2 または S3 互換ストレージ</translation>
    </message>
    <message>
        <source>Connect to your storage</source>
        <translation>ストレージへの接続</translation>
    </message>
    <message>
        <source>The secret is stored in your system keychain, never in a file. Test the connection to go on.</source>
        <translation>シークレットはファイルではなく、システムのキーチェーンに保存されます。先に進むには接続をテストしてください。</translation>
    </message>
    <message>
        <source>When and how long?</source>
        <translation>スケジュールと保持期間</translation>
    </message>
    <message>
        <source>LiteKeep backs up once a day while it runs, and catches up once if the computer was off at that time.</source>
        <translation>LiteKeep は起動している間、1 日 1 回バックアップします。その時刻にコンピューターの電源が切れていた場合は、後で 1 回だけ実行します。</translation>
    </message>
    <message>
        <source>Back up every day at:</source>
        <translation>毎日のバックアップ時刻:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Keep generations for:</source>
        <translation>世代の保持期間:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Make the first backup now</source>
        <translation>今すぐ最初のバックアップを実行する</translation>
    </message>
    <message>
        <source>Create the profile</source>
        <translation>プロファイルを作成</translation>
    </message>
    <message numerus="yes">
        <source>Profile "%1": %2 → %3, every day at %4, keeping %n day(s).</source>
        <translation>
            <numerusform>プロファイル "%1": %2 → %3、毎日 %4 に実行、%n 日間保持。</numerusform>
        </translation>
    </message>
    <message>
        <source>A profile named "%1" already exists.</source>
        <translation>プロファイル "%1" は既に存在します。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>SQLite database, %1, journal mode %2.</source>
        <translation>SQLite データベース、%1、ジャーナルモード %2。</translation>
    </message>
    <message>
        <source>%1 cannot be read as an SQLite database: %2</source>
        <translation>%1 を SQLite データベースとして読み取れません: %2</translation>
    </message>
    <message>
        <source>Profile "%1" is ready. The first backup runs at %2.</source>
        <translation>プロファイル "%1" の準備ができました。最初のバックアップは %2 に実行されます。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>バックアップしています…</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>完了しました。%1</translation>
    </message>
    <message>
        <source>The first backup failed: %1 The profile is saved; fix the problem and use "Back up now".</source>
        <translation>最初のバックアップに失敗しました: %1 プロファイルは保存されています。問題を解決してから「今すぐバックアップ」を使用してください。</translation>
    </message>
    <message>
        <source>Storing the access key in the keychain…</source>
        <translation>アクセスキーをキーチェーンに保存しています…</translation>
    </message>
    <message>
        <source>The profile is saved, but the access key could not be stored: %1</source>
        <translation>プロファイルは保存されましたが、アクセスキーを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>lk::GenerationCache</name>
    <message>
        <source>Generation %1 is %2: %3</source>
        <translation>世代 %1 は %2 です: %3</translation>
    </message>
    <message>
        <source>There is no complete generation on %1 yet.</source>
        <translation>%1 にはまだ完全な世代がありません。</translation>
    </message>
    <message>
        <source>There is no generation named "%1" on %2.</source>
        <translation>%2 に "%1" という名前の世代はありません。</translation>
    </message>
    <message>
        <source>Generation %1 failed verification: %2</source>
        <translation>世代 %1 は検証に失敗しました: %2</translation>
    </message>
</context>
<context>
    <name>lk::GenerationDetails</name>
    <message numerus="yes">
        <source>(blob, %n byte(s))</source>
        <translation>
            <numerusform>(blob、%n バイト)</numerusform>
        </translation>
    </message>
    <message>
        <source>Look inside</source>
        <translation>中身を見る</translation>
    </message>
    <message>
        <source>Download this generation once into a verified local cache and open it read-only: its schema, the first rows of any table, and what a restore would change.</source>
        <translation>この世代を一度ダウンロードして検証済みのローカルキャッシュに保存し、読み取り専用で開きます。スキーマ、各テーブルの先頭の行、復元した場合の変更内容を確認できます。</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>確認日時</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>テーブル一覧</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>スキーマ</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>テーブル(&amp;T):</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Compare with live</source>
        <translation>稼働中のデータベースと比較</translation>
    </message>
    <message>
        <source>Choose a generation to see what it holds.</source>
        <translation>世代を選択すると、その内容が表示されます。</translation>
    </message>
    <message>
        <source>Generation of %1</source>
        <translation>%1 の世代</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>データベースファイル</translation>
    </message>
    <message>
        <source>Database size</source>
        <translation>データベースのサイズ</translation>
    </message>
    <message>
        <source>Compressed</source>
        <translation>圧縮後</translation>
    </message>
    <message>
        <source>%1 (gzip level %2)</source>
        <translation>%1 (gzip レベル %2)</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>%1 × %2 bytes</source>
        <translation>%1 × %2 バイト</translation>
    </message>
    <message>
        <source>user_version</source>
        <translation>user_version</translation>
    </message>
    <message>
        <source>Journal mode</source>
        <translation>ジャーナルモード</translation>
    </message>
    <message>
        <source>Integrity at backup</source>
        <translation>バックアップ時の整合性</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>作成元</translation>
    </message>
    <message>
        <source>%1 by LiteKeep %2 (SQLite %3)</source>
        <translation>%1 (LiteKeep %2、SQLite %3)</translation>
    </message>
    <message>
        <source>restore drill</source>
        <translation>復元訓練</translation>
    </message>
    <message>
        <source>after the backup</source>
        <translation>バックアップ後</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>never verified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>キーチェーンを読み取っています…</translation>
    </message>
    <message>
        <source>Downloading and verifying the generation…</source>
        <translation>世代をダウンロードして検証しています…</translation>
    </message>
    <message>
        <source>Reading the database…</source>
        <translation>データベースを読み取っています…</translation>
    </message>
    <message>
        <source>Verified copy: %1</source>
        <translation>検証済みのコピー: %1</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of “%1”, read-only.</source>
        <translation>
            <numerusform>「%1」の先頭 %n 行 (読み取り専用)。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Its verifications cannot be shown: %1</source>
        <translation>検証結果を表示できません: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
</context>
<context>
    <name>lk::GenerationInspector</name>
    <message>
        <source>The live database %1 is not there: a restore creates it.</source>
        <translation>稼働中のデータベース %1 がありません。復元すると作成されます。</translation>
    </message>
    <message>
        <source>The live database cannot be read for a comparison: %1</source>
        <translation>比較のために稼働中のデータベースを読み取れません: %1</translation>
    </message>
</context>
<context>
    <name>lk::HelpCommand</name>
    <message>
        <source>The profile to use (default: "default").</source>
        <translation>使用するプロファイル (既定: "default")。</translation>
    </message>
    <message>
        <source>One generation, by the name "litekeep list" prints, e.g. default-20261127T020000Z.</source>
        <translation>"litekeep list" で表示される名前で指定する 1 つの世代 (例: default-20261127T020000Z)。</translation>
    </message>
    <message>
        <source>GENERATION</source>
        <translation>GENERATION</translation>
    </message>
    <message>
        <source>add, change, list, show or remove backup profiles</source>
        <translation>バックアッププロファイルの追加、変更、一覧、表示、削除</translation>
    </message>
    <message>
        <source>litekeep profile add NAME --db PATH [OPTIONS]</source>
        <translation>litekeep profile add NAME --db PATH [OPTIONS]</translation>
    </message>
    <message>
        <source>litekeep profile set NAME [OPTIONS]</source>
        <translation>litekeep profile set NAME [OPTIONS]</translation>
    </message>
    <message>
        <source>litekeep profile show NAME</source>
        <translation>litekeep profile show NAME</translation>
    </message>
    <message>
        <source>litekeep profile remove NAME</source>
        <translation>litekeep profile remove NAME</translation>
    </message>
    <message>
        <source>A profile is one database, one destination, a daily time and a retention rule. "add" creates one: --db is required, and the destination defaults to a folder in ~/.local/share/litekeep/backups. "set" changes only the options given. "list" and "show" print profiles. "remove" forgets a profile but leaves its generations on the destination.</source>
        <translation>プロファイルは、1 つのデータベース、1 つの保存先、毎日の実行時刻、保持ルールの組み合わせです。"add" はプロファイルを作成します。--db は必須で、保存先の既定は ~/.local/share/litekeep/backups 内のフォルダーです。"set" は指定したオプションだけを変更します。"list" と "show" はプロファイルを表示します。"remove" はプロファイルを削除しますが、保存先の世代はそのまま残します。</translation>
    </message>
    <message>
        <source>DEST is a local folder or s3://BUCKET/PREFIX. For S3, store the access key with "litekeep credentials set NAME".</source>
        <translation>DEST にはローカルフォルダーまたは s3://BUCKET/PREFIX を指定します。S3 の場合は、"litekeep credentials set NAME" でアクセスキーを保存してください。</translation>
    </message>
    <message>
        <source>Back up a database to the default local folder:</source>
        <translation>データベースを既定のローカルフォルダーにバックアップする:</translation>
    </message>
    <message>
        <source>Back up to Cloudflare R2:</source>
        <translation>Cloudflare R2 にバックアップする:</translation>
    </message>
    <message>
        <source>Keep 60 days and back up at 03:30:</source>
        <translation>60 日間保持し、03:30 にバックアップする:</translation>
    </message>
    <message>
        <source>Forget a profile (its backups stay where they are):</source>
        <translation>プロファイルを削除する (バックアップはそのまま残ります):</translation>
    </message>
    <message>
        <source>store or remove the S3 access key of a profile in the keychain</source>
        <translation>プロファイルの S3 アクセスキーをキーチェーンに保存または削除</translation>
    </message>
    <message>
        <source>litekeep credentials set NAME</source>
        <translation>litekeep credentials set NAME</translation>
    </message>
    <message>
        <source>litekeep credentials remove NAME</source>
        <translation>litekeep credentials remove NAME</translation>
    </message>
    <message>
        <source>"set" reads the access key id and then the secret access key from standard input, one per line (the secret is not echoed on a terminal), and stores them in the system keychain. "remove" deletes them. Keys never go into the settings file, command lines or logs.</source>
        <translation>"set" はアクセスキー ID とシークレットアクセスキーを標準入力から 1 行ずつ順に読み取り (端末ではシークレットは表示されません)、システムのキーチェーンに保存します。"remove" はそれらを削除します。キーが設定ファイル、コマンドライン、ログに書き込まれることはありません。</translation>
    </message>
    <message>
        <source>Without a keychain (a server, a systemd service), set LITEKEEP_ACCESS_KEY_ID and LITEKEEP_SECRET_ACCESS_KEY in the environment instead; they take precedence over the keychain.</source>
        <translation>キーチェーンがない環境 (サーバーや systemd サービス) では、代わりに環境変数 LITEKEEP_ACCESS_KEY_ID と LITEKEEP_SECRET_ACCESS_KEY を設定してください。環境変数はキーチェーンより優先されます。</translation>
    </message>
    <message>
        <source>Type the keys when asked:</source>
        <translation>プロンプトに従ってキーを入力する:</translation>
    </message>
    <message>
        <source>From a script:</source>
        <translation>スクリプトから設定する:</translation>
    </message>
    <message>
        <source>back up a profile's database now</source>
        <translation>プロファイルのデータベースを今すぐバックアップ</translation>
    </message>
    <message>
        <source>litekeep backup [--profile NAME] [--no-verify]</source>
        <translation>litekeep backup [--profile NAME] [--no-verify]</translation>
    </message>
    <message>
        <source>Takes a hot snapshot through SQLite's online backup API, checks its integrity, compresses it with gzip, uploads it and then its manifest. Then it downloads the new generation again to verify it and, only if that passes, applies retention.</source>
        <translation>SQLite のオンラインバックアップ API でホットスナップショットを作成し、整合性を確認して gzip で圧縮し、アップロードしてから、そのマニフェストをアップロードします。その後、新しい世代をもう一度ダウンロードして検証し、合格した場合にのみ保持ルールを適用します。</translation>
    </message>
    <message>
        <source>Progress goes to standard error. Ctrl+C cancels cleanly and leaves no generation behind.</source>
        <translation>進行状況は標準エラー出力に表示されます。Ctrl+C で安全にキャンセルでき、途中の世代は残りません。</translation>
    </message>
    <message>
        <source>(default: "default")</source>
        <translation>(既定: "default")</translation>
    </message>
    <message>
        <source>Back up the profile "default":</source>
        <translation>プロファイル "default" をバックアップする:</translation>
    </message>
    <message>
        <source>Back up "cogito" and print the outcome as JSON:</source>
        <translation>"cogito" をバックアップし、結果を JSON で出力する:</translation>
    </message>
    <message>
        <source>list the generations on the destination</source>
        <translation>保存先の世代を一覧表示</translation>
    </message>
    <message>
        <source>litekeep list [--profile NAME]</source>
        <translation>litekeep list [--profile NAME]</translation>
    </message>
    <message>
        <source>Lists the generations on the destination with their time, age, sizes and the result of their last verification. Incomplete and damaged generations are listed too, with what is wrong with them.</source>
        <translation>保存先の世代を、作成日時、経過時間、サイズ、最後の検証結果とともに一覧表示します。不完全な世代や破損した世代も、その問題点とともに表示します。</translation>
    </message>
    <message>
        <source>The generations of "default":</source>
        <translation>"default" の世代:</translation>
    </message>
    <message>
        <source>As JSON, for a script:</source>
        <translation>スクリプト向けに JSON で出力する:</translation>
    </message>
    <message>
        <source>download generations and prove that they restore</source>
        <translation>世代をダウンロードして復元できることを確認</translation>
    </message>
    <message>
        <source>litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]</source>
        <translation>litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]</translation>
    </message>
    <message>
        <source>Downloads generations and checks the SHA-256 of both files, gunzips them, runs PRAGMA integrity_check and compares the page count, schema hash and row counts with the manifest. Without a choice it verifies the newest generation. The exit status is 1 if any generation fails.</source>
        <translation>世代をダウンロードして両方のファイルの SHA-256 を確認し、gzip を展開して PRAGMA integrity_check を実行し、ページ数、スキーマのハッシュ、行数をマニフェストと比較します。指定がなければ最新の世代を検証します。検証に失敗した世代が 1 つでもあれば、終了ステータスは 1 になります。</translation>
    </message>
    <message>
        <source>Verify the newest generation:</source>
        <translation>最新の世代を検証する:</translation>
    </message>
    <message>
        <source>Verify every generation of "cogito":</source>
        <translation>"cogito" のすべての世代を検証する:</translation>
    </message>
    <message>
        <source>Verify one generation:</source>
        <translation>1 つの世代を検証する:</translation>
    </message>
    <message>
        <source>show what a generation holds</source>
        <translation>世代の内容を表示</translation>
    </message>
    <message>
        <source>litekeep show [--profile NAME] (GENERATION | --latest) [--deep]</source>
        <translation>litekeep show [--profile NAME] (GENERATION | --latest) [--deep]</translation>
    </message>
    <message>
        <source>Prints a generation's manifest: when and where it was made, the SQLite and LiteKeep versions, sizes, page count and the rows of each table. --deep downloads and verifies the generation once (it stays in a local cache) and describes the database itself.</source>
        <translation>作成日時と作成元、SQLite と LiteKeep のバージョン、サイズ、ページ数、各テーブルの行数など、世代のマニフェストの内容を表示します。--deep を指定すると、世代を一度ダウンロードして検証し (ローカルキャッシュに残ります)、データベース自体の内容を表示します。</translation>
    </message>
    <message>
        <source>The newest generation:</source>
        <translation>最新の世代:</translation>
    </message>
    <message>
        <source>Look inside it:</source>
        <translation>その中身を調べる:</translation>
    </message>
    <message>
        <source>compare two generations, or one with the live database</source>
        <translation>2 つの世代、または世代と稼働中のデータベースを比較</translation>
    </message>
    <message>
        <source>litekeep diff [--profile NAME] GENERATION (GENERATION | --live)</source>
        <translation>litekeep diff [--profile NAME] GENERATION (GENERATION | --live)</translation>
    </message>
    <message>
        <source>Prints the tables added and removed, the change in row counts and the schema changes between two generations, or between a generation and the live database (which is only read).</source>
        <translation>2 つの世代の間、または世代と稼働中のデータベース (読み取るだけです) の間で、追加・削除されたテーブル、行数の変化、スキーマの変更を表示します。</translation>
    </message>
    <message>
        <source>What changed between two nights:</source>
        <translation>2 日分のバックアップの間で変わった内容:</translation>
    </message>
    <message>
        <source>What changed since a generation:</source>
        <translation>ある世代以降に変わった内容:</translation>
    </message>
    <message>
        <source>delete the generations that retention no longer keeps</source>
        <translation>保持ルールの対象外になった世代を削除</translation>
    </message>
    <message>
        <source>Applies the profile's retention to what is on the destination: it keeps --keep-days days, the newest --keep-min good generations, the newest verified one and the newest of each of the last --keep-monthly months, and deletes the rest, manifest first. It never deletes what it cannot parse. A backup applies retention by itself after it verifies.</source>
        <translation>プロファイルの保持ルールを保存先の内容に適用します。--keep-days で指定した日数分の世代、正常な最新の --keep-min 個の世代、検証済みの最新の世代、直近 --keep-monthly か月の各月の最新の世代を保持し、それ以外をマニフェストから先に削除します。解析できないものは決して削除しません。バックアップは検証の後に自動で保持ルールを適用します。</translation>
    </message>
    <message>
        <source>See what would be deleted:</source>
        <translation>削除対象を確認する:</translation>
    </message>
    <message>
        <source>Delete it:</source>
        <translation>削除する:</translation>
    </message>
    <message>
        <source>restore a generation to a new file or in place</source>
        <translation>世代を新しいファイルまたは元の場所に復元</translation>
    </message>
    <message>
        <source>litekeep restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) [--force]</source>
        <translation>litekeep restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) [--force]</translation>
    </message>
    <message>
        <source>litekeep restore --undo [--profile NAME]</source>
        <translation>litekeep restore --undo [--profile NAME]</translation>
    </message>
    <message>
        <source>Verifies the generation fully before anything is written. --to writes a new file. --in-place replaces the live database: a copy of it is kept first in ~/.local/share/litekeep/pre-restore, then the generation is written through SQLite's backup API, so programs that have the database open see the old or the new content, never a mix. --undo puts back what the last in-place restore replaced.</source>
        <translation>何かを書き込む前に、世代を完全に検証します。--to は新しいファイルに書き込みます。--in-place は稼働中のデータベースを置き換えます。まず ~/.local/share/litekeep/pre-restore にそのコピーを保存し、次に SQLite のバックアップ API で世代を書き込むため、データベースを開いているプログラムには古い内容か新しい内容のどちらかが見え、両者が混ざることはありません。--undo は直前の --in-place 復元で置き換えた内容を元に戻します。</translation>
    </message>
    <message>
        <source>Restore the newest good generation into a new file:</source>
        <translation>正常な最新の世代を新しいファイルに復元する:</translation>
    </message>
    <message>
        <source>Replace the live database with a chosen generation:</source>
        <translation>稼働中のデータベースを選んだ世代で置き換える:</translation>
    </message>
    <message>
        <source>Changed your mind:</source>
        <translation>元に戻す場合:</translation>
    </message>
    <message>
        <source>the last run, the last good backup and the last proof of each profile</source>
        <translation>各プロファイルの前回の実行、最後に成功したバックアップ、最後に復元可能と確認した日時</translation>
    </message>
    <message>
        <source>litekeep status [--profile NAME]</source>
        <translation>litekeep status [--profile NAME]</translation>
    </message>
    <message>
        <source>Prints, for every profile or the one named, the last backup run and how it ended, the last successful backup, and when a generation was last proven restorable (checked after upload, verified or drilled). It reads the local history only and does not contact the destination.</source>
        <translation>すべてのプロファイル、または指定したプロファイルについて、前回のバックアップの実行とその結果、最後に成功したバックアップ、世代が最後に復元可能と確認された日時 (アップロード後の確認、検証、復元訓練) を表示します。ローカルの履歴だけを読み取り、保存先には接続しません。</translation>
    </message>
    <message>
        <source>Every profile:</source>
        <translation>すべてのプロファイル:</translation>
    </message>
    <message>
        <source>One profile, as JSON:</source>
        <translation>1 つのプロファイルを JSON で:</translation>
    </message>
    <message>
        <source>back up daily without the tray application (systemd or cron)</source>
        <translation>トレイアプリケーションなしで毎日バックアップ (systemd または cron)</translation>
    </message>
    <message>
        <source>litekeep schedule (install | remove) (--systemd | --cron) [--profile NAME]</source>
        <translation>litekeep schedule (install | remove) (--systemd | --cron) [--profile NAME]</translation>
    </message>
    <message>
        <source>For servers and sessions without the tray application, at the profile's daily time (--at). --systemd writes litekeep-NAME.service and litekeep-NAME.timer to ~/.config/systemd/user (Persistent=true: a run missed while the machine was off happens once at the next boot) and says how to enable them. --cron prints the crontab line to add or remove.</source>
        <translation>サーバーや、トレイアプリケーションを使わないセッション向けに、プロファイルの毎日の実行時刻 (--at) にバックアップします。--systemd は litekeep-NAME.service と litekeep-NAME.timer を ~/.config/systemd/user に書き込み (Persistent=true: マシンの電源が切れていて実行されなかった分は、次回の起動時に 1 回実行されます)、有効にする方法を表示します。--cron は追加または削除する crontab の行を表示します。</translation>
    </message>
    <message>
        <source>The package also ships litekeep-backup@.timer, nightly at 02:00: "systemctl --user enable --now litekeep-backup@NAME.timer". A service has no keychain: give it LITEKEEP_ACCESS_KEY_ID and LITEKEEP_SECRET_ACCESS_KEY with "systemctl --user edit".</source>
        <translation>パッケージには、毎晩 02:00 に実行する litekeep-backup@.timer も含まれています: "systemctl --user enable --now litekeep-backup@NAME.timer"。サービスからはキーチェーンを使えないため、"systemctl --user edit" で LITEKEEP_ACCESS_KEY_ID と LITEKEEP_SECRET_ACCESS_KEY を設定してください。</translation>
    </message>
    <message>
        <source>A systemd user timer for "default":</source>
        <translation>"default" 用の systemd ユーザータイマー:</translation>
    </message>
    <message>
        <source>The packaged timer instead:</source>
        <translation>代わりにパッケージ付属のタイマーを使う:</translation>
    </message>
    <message>
        <source>A crontab line for "cogito":</source>
        <translation>"cogito" 用の crontab の行:</translation>
    </message>
    <message>
        <source>close a warning about rows that disappeared</source>
        <translation>消えた行に関する警告を解除</translation>
    </message>
    <message>
        <source>litekeep dismiss [--profile NAME] (GENERATION | --all)</source>
        <translation>litekeep dismiss [--profile NAME] (GENERATION | --all)</translation>
    </message>
    <message>
        <source>When a backup finds that a table lost many rows since the previous generation (by default more than 20 % and at least 10 rows), or vanished, LiteKeep warns and keeps that previous generation out of retention's reach. Once you know the change was intended, dismiss the warning: retention then treats the kept generation like any other.</source>
        <translation>バックアップ時に、前回の世代と比べてテーブルの行が大幅に減っている (既定では 20 % を超え、かつ 10 行以上) か、テーブルがなくなっていることが分かると、LiteKeep は警告を出し、その前回の世代を保持ルールによる削除の対象から外します。変更が意図したものだと確認できたら、警告を解除してください。以後、保持ルールは保持されていた世代を他の世代と同じように扱います。</translation>
    </message>
    <message>
        <source>The generation the warning is about.</source>
        <translation>警告の対象の世代。</translation>
    </message>
    <message>
        <source>Dismiss the warning about one backup:</source>
        <translation>1 つのバックアップに関する警告を解除する:</translation>
    </message>
    <message>
        <source>Dismiss every warning of "cogito":</source>
        <translation>"cogito" のすべての警告を解除する:</translation>
    </message>
    <message>
        <source>explain a command, with examples</source>
        <translation>コマンドの説明と使用例を表示</translation>
    </message>
    <message>
        <source>litekeep help [COMMAND]</source>
        <translation>litekeep help [COMMAND]</translation>
    </message>
    <message>
        <source>litekeep COMMAND --help</source>
        <translation>litekeep COMMAND --help</translation>
    </message>
    <message>
        <source>Without a command: the list of commands, the global options, the environment and the exit status. With one: what it does, its options and examples.</source>
        <translation>コマンドを指定しない場合は、コマンドの一覧、グローバルオプション、環境変数、終了ステータスを表示します。コマンドを指定した場合は、その機能、オプション、使用例を表示します。</translation>
    </message>
    <message>
        <source>How to restore:</source>
        <translation>復元の方法を見る:</translation>
    </message>
    <message>
        <source>The same:</source>
        <translation>同じ内容:</translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation>終了ステータス:</translation>
    </message>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>the job failed: backup, verification, restore, the destination or the keychain</source>
        <translation>処理の失敗: バックアップ、検証、復元、保存先、キーチェーン</translation>
    </message>
    <message>
        <source>usage or configuration error: unknown command or option, missing argument, unknown profile, unreadable settings</source>
        <translation>使用法または設定のエラー: 不明なコマンドやオプション、引数の不足、不明なプロファイル、読み取れない設定</translation>
    </message>
    <message>
        <source>Usage: litekeep [--config FILE] [--json] COMMAND [ARGUMENTS]</source>
        <translation>使用法: litekeep [--config FILE] [--json] COMMAND [ARGUMENTS]</translation>
    </message>
    <message>
        <source>       litekeep help COMMAND</source>
        <translation>        litekeep help COMMAND</translation>
    </message>
    <message>
        <source>       litekeep            (no arguments: the tray application)</source>
        <translation>        litekeep            (引数なし: トレイアプリケーション)</translation>
    </message>
    <message>
        <source>LiteKeep backs up live SQLite databases to a local folder or to S3-compatible storage, verifies them and restores them.</source>
        <translation>LiteKeep は、稼働中の SQLite データベースをローカルフォルダーまたは S3 互換ストレージにバックアップし、検証と復元を行います。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>Global options, before COMMAND:</source>
        <translation>グローバルオプション (COMMAND の前に指定):</translation>
    </message>
    <message>
        <source>Use this settings file instead of ~/.config/litekeep/litekeep.ini.</source>
        <translation>~/.config/litekeep/litekeep.ini の代わりにこの設定ファイルを使用します。</translation>
    </message>
    <message>
        <source>Print one JSON document on standard output.</source>
        <translation>標準出力に 1 つの JSON ドキュメントを出力します。</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>バージョンを表示して終了します。</translation>
    </message>
    <message>
        <source>Print this help and exit.</source>
        <translation>このヘルプを表示して終了します。</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>環境変数:</translation>
    </message>
    <message>
        <source>S3 credentials for headless use; they take precedence over the keychain.</source>
        <translation>ヘッドレスで使用する場合の S3 認証情報。キーチェーンより優先されます。</translation>
    </message>
    <message>
        <source>The rclone program to run (default: rclone).</source>
        <translation>実行する rclone プログラム (既定: rclone)。</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>使用例:</translation>
    </message>
    <message>
        <source>Back up a database every night from the tray application:</source>
        <translation>トレイアプリケーションから毎晩データベースをバックアップする:</translation>
    </message>
    <message>
        <source>Back up now, then see the generations:</source>
        <translation>今すぐバックアップしてから、世代を確認する:</translation>
    </message>
    <message>
        <source>Restore the newest generation into a new file:</source>
        <translation>最新の世代を新しいファイルに復元する:</translation>
    </message>
    <message>
        <source>"litekeep help COMMAND" or "litekeep COMMAND --help" explains one command. DEST is a local folder or s3://BUCKET/PREFIX; --profile defaults to "default". See also: man litekeep.</source>
        <translation>各コマンドの説明は "litekeep help COMMAND" または "litekeep COMMAND --help" で表示できます。DEST にはローカルフォルダーまたは s3://BUCKET/PREFIX を指定します。--profile の既定値は "default" です。man litekeep も参照してください。</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>使用法:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Global options (--config FILE, --json) go before the command: "litekeep --help" lists them.</source>
        <translation>グローバルオプション (--config FILE、--json) はコマンドの前に指定します。一覧は "litekeep --help" で確認できます。</translation>
    </message>
    <message>
        <source>"%1" is not a LiteKeep command. The commands are: %2.
"litekeep --help" explains them.</source>
        <translation>"%1" は LiteKeep のコマンドではありません。コマンド: %2。
説明は "litekeep --help" で確認できます。</translation>
    </message>
    <message>
        <source>litekeep prune [--profile NAME] [--dry-run] [--include-damaged]</source>
        <translation>litekeep prune [--profile NAME] [--dry-run] [--include-damaged]</translation>
    </message>
    <message>
        <source>A damaged generation (its manifest does not parse or does not match its data) is never deleted by retention: it is kept, and listed as damaged with the reason, because its data may still be restorable by hand. --include-damaged also deletes the damaged generations that retention would otherwise delete: those older than --keep-days days. It never deletes the newest verified generation or anything pinned, and like every prune it deletes nothing after a failed backup. Data without a manifest, left by a run that did not finish, is incomplete, not damaged: it goes once older than --keep-days days.</source>
        <translation>破損した世代 (マニフェストを解析できないか、データと一致しないもの) は、保持ルールでは決して削除されません。データは手作業でなら復元できる可能性があるため、保持したまま、理由とともに破損として一覧に表示します。--include-damaged を付けると、保持ルールがなければ削除されるはずの破損した世代 (--keep-days 日より古いもの) も削除します。最新の検証済み世代や固定された世代は決して削除せず、どの prune とも同じく、バックアップが失敗した後は何も削除しません。終了しなかった実行が残したマニフェストのないデータは、破損ではなく不完全な世代であり、--keep-days 日より古くなると削除されます。</translation>
    </message>
    <message>
        <source>See which damaged generations would be deleted too:</source>
        <translation>破損した世代のうち、どれが削除されるかを確認する:</translation>
    </message>
    <message>
        <source>Delete them:</source>
        <translation>それらを削除する:</translation>
    </message>
</context>
<context>
    <name>lk::HistoryChart</name>
    <message>
        <source>No backups yet: the chart fills in after the first one.</source>
        <translation>バックアップはまだありません。最初のバックアップの後にグラフが表示されます。</translation>
    </message>
    <message>
        <source>Compressed size</source>
        <translation>圧縮後のサイズ</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>%1 compressed, %2 s</source>
        <translation>圧縮後 %1、%2 秒</translation>
    </message>
</context>
<context>
    <name>lk::Job</name>
    <message>
        <source>The run was stopped because it took longer than its limit of %1 s. %2</source>
        <translation>実行が制限時間の %1 秒を超えたため停止しました。%2</translation>
    </message>
    <message>
        <source>Cancelled before it began; nothing was changed.</source>
        <translation>開始前にキャンセルされました。何も変更していません。</translation>
    </message>
</context>
<context>
    <name>lk::ListCommand</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>never verified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>passed %1</source>
        <translation>検証成功 %1</translation>
    </message>
    <message>
        <source>FAILED %1: %2</source>
        <translation>検証失敗 %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n ページ</numerusform>
        </translation>
    </message>
    <message>
        <source>No generations on %1 yet.</source>
        <translation>%1 にはまだ世代がありません。</translation>
    </message>
    <message>
        <source>[WARNING: tables lost rows; see "litekeep status"]</source>
        <translation>[警告: テーブルの行が減少。"litekeep status" を参照]</translation>
    </message>
    <message>
        <source>[kept until the warning is dismissed]</source>
        <translation>[警告を解除するまで保持]</translation>
    </message>
</context>
<context>
    <name>lk::MainWindow</name>
    <message>
        <source>LiteKeep</source>
        <translation>LiteKeep</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>新しいプロファイル…</translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation>プロファイルを編集…</translation>
    </message>
    <message>
        <source>Remove profile…</source>
        <translation>プロファイルを削除…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>世代</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Generations</source>
        <translation>世代一覧</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Remove profile?</source>
        <translation>プロファイルを削除しますか？</translation>
    </message>
    <message>
        <source>Remove the profile "%1"? Its generations on %2 are not deleted, and its history stays.</source>
        <translation>プロファイル "%1" を削除しますか？%2 上の世代は削除されず、履歴も残ります。</translation>
    </message>
    <message>
        <source>No profiles yet. Create one with "litekeep profile add NAME --db PATH".</source>
        <translation>プロファイルがまだありません。"litekeep profile add NAME --db PATH" で作成してください。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Last good backup: %1</source>
        <translation>最後に成功したバックアップ: %1</translation>
    </message>
    <message>
        <source>No successful backup yet.</source>
        <translation>成功したバックアップはまだありません。</translation>
    </message>
    <message>
        <source>Last proven restorable: %1</source>
        <translation>最後に復元可能と確認: %1</translation>
    </message>
    <message>
        <source>Next backup: %1</source>
        <translation>次回のバックアップ: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Reading the generations on %1…</source>
        <translation>%1 上の世代を読み取っています…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>never verified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>passed %1</source>
        <translation>検証成功 %1</translation>
    </message>
    <message>
        <source>FAILED %1: %2</source>
        <translation>検証失敗 %1: %2</translation>
    </message>
    <message>
        <source>Backing up "%1"…</source>
        <translation>"%1" をバックアップしています…</translation>
    </message>
    <message numerus="yes">
        <source> — about %n s left</source>
        <translation>
            <numerusform> — 残り約 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Download the selected generation and prove it restorable: both checksums and SQLite's integrity check.</source>
        <translation>選択した世代をダウンロードし、両方のチェックサムと SQLite の整合性チェックで、復元可能であることを確認します。</translation>
    </message>
    <message>
        <source>Verify all</source>
        <translation>すべて検証</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Not proven restorable yet: verify a generation, or wait for the first restore drill.</source>
        <translation>まだ復元可能と確認されていません。世代を検証するか、最初の復元訓練をお待ちください。</translation>
    </message>
    <message>
        <source>Restore drills are off.</source>
        <translation>復元訓練はオフです。</translation>
    </message>
    <message>
        <source>Next restore drill: after the next backup.</source>
        <translation>次回の復元訓練: 次回のバックアップの後。</translation>
    </message>
    <message>
        <source>Next restore drill: after the first backup from %1.</source>
        <translation>次回の復元訓練: %1 以降の最初のバックアップの後。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>⚠ Tables lost rows</source>
        <translation>⚠ テーブルの行が減少</translation>
    </message>
    <message>
        <source>Kept until the warning is dismissed</source>
        <translation>警告の解除まで保持</translation>
    </message>
    <message>
        <source>The last backup before tables lost rows: retention keeps it until you dismiss the warning about %1.</source>
        <translation>テーブルの行が減る前の最後のバックアップです。%1 に関する警告を解除するまで、保持ルールはこの世代を保持します。</translation>
    </message>
    <message>
        <source>Look inside</source>
        <translation>中身を見る</translation>
    </message>
    <message>
        <source>Restore this generation…</source>
        <translation>この世代を復元…</translation>
    </message>
    <message>
        <source>Dismiss the warning…</source>
        <translation>警告を解除…</translation>
    </message>
    <message>
        <source>Dismiss the warning?</source>
        <translation>警告を解除しますか？</translation>
    </message>
    <message>
        <source>Were the rows missing from %1 removed on purpose? Once the warning is dismissed, the generation kept from before is deleted by retention when its time comes.</source>
        <translation>%1 でなくなった行は、意図して削除したものですか？警告を解除すると、それ以前から保持されていた世代は、期限が来たときに保持ルールによって削除されます。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>検証しています…</translation>
    </message>
    <message>
        <source>Verifying every generation of "%1"…</source>
        <translation>"%1" のすべての世代を検証しています…</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>%1 を検証しています…</translation>
    </message>
    <message>
        <source>Verifying %1 (%2 of %3)</source>
        <translation>%1 を検証中 (%3 件中 %2 件目)</translation>
    </message>
    <message>
        <source>The warning about %1 was dismissed on this computer, but its pin on the destination could not be removed: %2 Retention keeps the backup it kept until "litekeep dismiss --profile %3 %1" succeeds.</source>
        <translation>%1 に関する警告はこのコンピューターでは解除されましたが、保存先の固定情報を削除できませんでした: %2 "litekeep dismiss --profile %3 %1" が成功するまで、保持ルールはこれまで保持していたバックアップを保持し続けます。</translation>
    </message>
    <message>
        <source>%1 The window shows what it said when it was last read, at %2.</source>
        <translation>%1 ウィンドウには最後に読み取った %2 時点の内容を表示しています。</translation>
    </message>
    <message>
        <source>%1 Until it can be read, the window cannot show this profile's runs and verifications.</source>
        <translation>%1 読み取れるようになるまで、このプロファイルの実行と検証は表示できません。</translation>
    </message>
    <message>
        <source>Reading the run history…</source>
        <translation>実行履歴を読み取っています…</translation>
    </message>
</context>
<context>
    <name>lk::Notifier</name>
    <message>
        <source>Backup of "%1" failed</source>
        <translation>"%1" のバックアップに失敗しました</translation>
    </message>
    <message>
        <source>Backups of "%1" work again</source>
        <translation>"%1" のバックアップが復旧しました</translation>
    </message>
    <message>
        <source>Backup of "%1" done</source>
        <translation>"%1" のバックアップが完了しました</translation>
    </message>
    <message numerus="yes">
        <source>The newest verified backup of "%1" is %n hour(s) old.</source>
        <translation>
            <numerusform>"%1" の検証済みの最新バックアップは %n 時間前のものです。</numerusform>
        </translation>
    </message>
    <message>
        <source>"%1" has no verified backup yet.</source>
        <translation>"%1" には検証済みのバックアップがまだありません。</translation>
    </message>
    <message>
        <source>Backups of "%1" are out of date</source>
        <translation>"%1" のバックアップが古くなっています</translation>
    </message>
    <message>
        <source>Backups of "%1" are up to date</source>
        <translation>"%1" のバックアップは最新です</translation>
    </message>
    <message>
        <source>Backup of "%1": rows are missing</source>
        <translation>"%1" のバックアップ: 行が消えています</translation>
    </message>
</context>
<context>
    <name>lk::ProfileCommand</name>
    <message>
        <source>"profile" needs add, set, list, show or remove.</source>
        <translation>"profile" には add、set、list、show、remove のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Unknown profile command "%1"; use add, list, show or remove.</source>
        <translation>不明な profile コマンド "%1" です。add、list、show、remove のいずれかを使用してください。</translation>
    </message>
    <message>
        <source>The SQLite database to back up.</source>
        <translation>バックアップする SQLite データベース。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>A local folder or s3://BUCKET/PREFIX (default: a folder in your data directory).</source>
        <translation>ローカルフォルダーまたは s3://BUCKET/PREFIX (既定: データディレクトリ内のフォルダー)。</translation>
    </message>
    <message>
        <source>DEST</source>
        <translation>DEST</translation>
    </message>
    <message>
        <source>The S3 endpoint URL.</source>
        <translation>S3 エンドポイントの URL。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The rclone S3 provider (default Cloudflare).</source>
        <translation>rclone の S3 プロバイダー (既定: Cloudflare)。</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>The S3 region.</source>
        <translation>S3 リージョン。</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>Days of generations to keep (30).</source>
        <translation>世代を保持する日数 (30)。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Newest generations kept however old (7).</source>
        <translation>古さに関係なく保持する最新世代の数 (7)。</translation>
    </message>
    <message>
        <source>Months that keep their newest generation (0).</source>
        <translation>各月の最新の世代を保持する月数 (0)。</translation>
    </message>
    <message>
        <source>Daily backup time (02:00).</source>
        <translation>毎日のバックアップ時刻 (02:00)。</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>gzip level 1-9 (6).</source>
        <translation>gzip の圧縮レベル 1-9 (6)。</translation>
    </message>
    <message>
        <source>Seconds to wait for a locked database (30).</source>
        <translation>ロックされたデータベースを待つ秒数 (30)。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Verify each new generation from the destination: yes or no (yes).</source>
        <translation>新しい世代を毎回保存先から検証するか: yes または no (yes)。</translation>
    </message>
    <message>
        <source>yes|no</source>
        <translation>yes|no</translation>
    </message>
    <message>
        <source>Days between restore drills, 0 for never (7).</source>
        <translation>復元訓練の間隔 (日数)。0 で実行しない (7)。</translation>
    </message>
    <message>
        <source>POST a JSON summary here after each run ("" to remove).</source>
        <translation>実行のたびに JSON の概要をこの URL に POST します ("" で削除)。</translation>
    </message>
    <message>
        <source>Healthcheck ping URL: URL/start, URL, URL/fail ("" to remove).</source>
        <translation>ヘルスチェックの ping URL: URL/start、URL、URL/fail ("" で削除)。</translation>
    </message>
    <message>
        <source>Warn when the newest verified backup is older (26).</source>
        <translation>検証済みの最新バックアップがこの時間数より古くなったら警告します (26)。</translation>
    </message>
    <message>
        <source>--%1 needs a whole number.</source>
        <translation>--%1 には整数を指定してください。</translation>
    </message>
    <message>
        <source>--at needs a time as HH:MM, for example 02:00.</source>
        <translation>--at には HH:MM 形式の時刻を指定してください (例: 02:00)。</translation>
    </message>
    <message>
        <source>--verify-after-backup takes yes or no.</source>
        <translation>--verify-after-backup には yes または no を指定してください。</translation>
    </message>
    <message>
        <source>--endpoint only applies to s3:// destinations.</source>
        <translation>--endpoint は s3:// の保存先にのみ指定できます。</translation>
    </message>
    <message>
        <source>The profile name.</source>
        <translation>プロファイル名。</translation>
    </message>
    <message>
        <source>Usage: litekeep profile add NAME --db PATH [--dest DEST] [--endpoint URL] [--provider P] [--keep-days N] [--at HH:MM]</source>
        <translation>使用法: litekeep profile add NAME --db PATH [--dest DEST] [--endpoint URL] [--provider P] [--keep-days N] [--at HH:MM]</translation>
    </message>
    <message>
        <source>"profile add" needs --db PATH, the database to back up.</source>
        <translation>"profile add" には --db PATH (バックアップするデータベース) が必要です。</translation>
    </message>
    <message numerus="yes">
        <source>Profile "%1" added: %2 → %3, daily at %4, keeping %n day(s).</source>
        <translation>
            <numerusform>プロファイル "%1" を追加しました: %2 → %3、毎日 %4 に実行、%n 日間保持。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: litekeep profile set NAME [--db PATH] [--dest DEST] [--keep-days N] ...</source>
        <translation>使用法: litekeep profile set NAME [--db PATH] [--dest DEST] [--keep-days N] ...</translation>
    </message>
    <message>
        <source>Profile "%1" updated.</source>
        <translation>プロファイル "%1" を更新しました。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Credentials: "litekeep credentials set %1" stores the access key in the keychain.</source>
        <translation>認証情報: "litekeep credentials set %1" でアクセスキーをキーチェーンに保存します。</translation>
    </message>
    <message>
        <source>No profiles yet. Create one with "litekeep profile add NAME --db PATH".</source>
        <translation>プロファイルがまだありません。"litekeep profile add NAME --db PATH" で作成してください。</translation>
    </message>
    <message>
        <source>Usage: litekeep profile show NAME</source>
        <translation>使用法: litekeep profile show NAME</translation>
    </message>
    <message>
        <source>Usage: litekeep profile remove NAME</source>
        <translation>使用法: litekeep profile remove NAME</translation>
    </message>
    <message>
        <source>Profile "%1" removed. Its generations on the destination were not touched.</source>
        <translation>プロファイル "%1" を削除しました。保存先の世代はそのまま残っています。</translation>
    </message>
    <message>
        <source>Check the endpoint's TLS certificate against this certificate authority (a PEM file) instead of the system's, for a private or self-signed server ("" to remove).</source>
        <translation>プライベート証明書や自己署名証明書を使うサーバー向けに、エンドポイントの TLS 証明書を、システムの認証局ではなくこの認証局 (PEM ファイル) で検証します ("" で削除)。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>--ca-cert only applies to s3:// destinations.</source>
        <translation>--ca-cert は s3:// の保存先にのみ指定できます。</translation>
    </message>
</context>
<context>
    <name>lk::ProfileDialog</name>
    <message>
        <source>Profile "%1"</source>
        <translation>プロファイル "%1"</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>データベースファイル:</translation>
    </message>
    <message>
        <source>Local folder:</source>
        <translation>ローカルフォルダー:</translation>
    </message>
    <message>
        <source>Cloudflare R2 / S3-compatible</source>
        <translation>Cloudflare R2 / S3 互換</translation>
    </message>
    <message>
        <source>Back up every day at:</source>
        <translation>毎日のバックアップ時刻:</translation>
    </message>
    <message>
        <source>Keep days:</source>
        <translation>保持日数:</translation>
    </message>
    <message>
        <source>Always keep the newest:</source>
        <translation>常に保持する最新世代の数:</translation>
    </message>
    <message>
        <source>Verify each backup from the destination</source>
        <translation>バックアップのたびに保存先から検証する</translation>
    </message>
    <message>
        <source>Webhook URL:</source>
        <translation>Webhook URL:</translation>
    </message>
    <message>
        <source>Healthcheck ping URL:</source>
        <translation>ヘルスチェックの ping URL:</translation>
    </message>
    <message>
        <source>Storing the access key in the keychain…</source>
        <translation>アクセスキーをキーチェーンに保存しています…</translation>
    </message>
    <message>
        <source>The settings are saved, but the access key could not be stored: %1</source>
        <translation>設定は保存されましたが、アクセスキーを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>lk::PruneCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Print the plan; delete nothing.</source>
        <translation>計画を表示するだけで、何も削除しません。</translation>
    </message>
    <message>
        <source>keep  </source>
        <translation>保持</translation>
    </message>
    <message>
        <source>would delete</source>
        <translation>削除予定</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Also delete damaged generations (a manifest that does not parse or does not match its data) that retention no longer keeps.</source>
        <translation>保持ルールの対象外になった破損した世代 (マニフェストを解析できないか、データと一致しないもの) も削除します。</translation>
    </message>
    <message>
        <source>Usage: litekeep prune [--profile NAME] [--dry-run] [--include-damaged]</source>
        <translation>使用法: litekeep prune [--profile NAME] [--dry-run] [--include-damaged]</translation>
    </message>
</context>
<context>
    <name>lk::PruneJob</name>
    <message>
        <source>Pruning cancelled; nothing was deleted.</source>
        <translation>古い世代の削除をキャンセルしました。何も削除していません。</translation>
    </message>
    <message>
        <source>Nothing was deleted: the last backup failed, and LiteKeep never prunes after a failed run.</source>
        <translation>何も削除していません: 前回のバックアップが失敗しました。LiteKeep は失敗した実行の後に古い世代を削除することはありません。</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n object(s) would be deleted; nothing was.</source>
        <translation>
            <numerusform>ドライラン: %n 個のオブジェクトが削除対象です (実際には何も削除していません)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pruning cancelled after %n deletion(s).</source>
        <translation>
            <numerusform>%n 個を削除した時点で、古い世代の削除をキャンセルしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to prune.</source>
        <translation>削除対象の古い世代はありません。</translation>
    </message>
    <message numerus="yes">
        <source>Pruned %n object(s).</source>
        <translation>
            <numerusform>古いオブジェクトを %n 個削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>kept: pinned until the warning about %1 is dismissed</source>
        <translation>保持: %1 に関する警告が解除されるまで固定されています</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n damaged generation(s) that retention would otherwise delete; "litekeep prune --include-damaged" deletes them.</source>
        <translation>
            <numerusform>本来なら保持ルールで削除される破損した世代を %n 件保持しました。"litekeep prune --include-damaged" で削除できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Nothing was deleted.</source>
        <translation>%1 何も削除していません。</translation>
    </message>
    <message>
        <source>The run history could not be opened.</source>
        <translation>実行履歴を開けませんでした。</translation>
    </message>
</context>
<context>
    <name>lk::RestoreCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The newest generation that verifies.</source>
        <translation>検証に合格する最新の世代。</translation>
    </message>
    <message>
        <source>Restore into this new file.</source>
        <translation>この新しいファイルに復元します。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Replace the live database (a copy of it is kept first).</source>
        <translation>稼働中のデータベースを置き換えます (事前にそのコピーを保存します)。</translation>
    </message>
    <message>
        <source>Replace an existing --to file (kept beside it), or accept a generation of another database.</source>
        <translation>既存の --to ファイルを置き換える (元のファイルは同じ場所に残します) か、別のデータベースの世代を受け入れます。</translation>
    </message>
    <message>
        <source>Put back the copy kept by the last in-place restore.</source>
        <translation>直前の --in-place 復元で保存したコピーを元に戻します。</translation>
    </message>
    <message>
        <source>Usage: litekeep restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) [--force]
       litekeep restore --undo [--profile NAME]</source>
        <translation>使用法: litekeep restore [--profile NAME] (GENERATION | --latest) (--to PATH | --in-place) [--force]
        litekeep restore --undo [--profile NAME]</translation>
    </message>
    <message>
        <source>The history cannot be opened, so the last pre-restore copy is unknown; its files are in %1.</source>
        <translation>履歴を開けないため、直前の復元前のコピーがどれか分かりません。復元前のコピーのファイルは %1 にあります。</translation>
    </message>
</context>
<context>
    <name>lk::RestoreJob</name>
    <message>
        <source>Reading the destination</source>
        <translation>保存先を読み取り中</translation>
    </message>
    <message>
        <source>Downloading and verifying</source>
        <translation>ダウンロードして検証中</translation>
    </message>
    <message>
        <source>Keeping a copy of the current database</source>
        <translation>現在のデータベースのコピーを保存中</translation>
    </message>
    <message>
        <source>Writing the database</source>
        <translation>データベースを書き込み中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>復元をキャンセルしました。何も変更していません。</translation>
    </message>
    <message>
        <source>There is no generation named "%1" on %2; "litekeep list" shows what there is.</source>
        <translation>%2 に "%1" という名前の世代はありません。"litekeep list" で一覧を確認できます。</translation>
    </message>
    <message>
        <source>Generation %1 cannot be restored: it is %2 (%3). Nothing was changed.</source>
        <translation>世代 %1 は復元できません: 状態が %2 です (%3)。何も変更していません。</translation>
    </message>
    <message>
        <source>There is no complete generation on %1 to restore.</source>
        <translation>%1 には復元できる完全な世代がありません。</translation>
    </message>
    <message>
        <source>The restore target must be an absolute path.</source>
        <translation>復元先は絶対パスで指定してください。</translation>
    </message>
    <message>
        <source>%1 is the profile's live database; use --in-place to replace it safely.</source>
        <translation>%1 はプロファイルの稼働中のデータベースです。安全に置き換えるには --in-place を使用してください。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; create it first.</source>
        <translation>フォルダー %1 が存在しません。先に作成してください。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation>フォルダー %1 に書き込めません。</translation>
    </message>
    <message>
        <source>%1 is a folder; give the path of the new database file.</source>
        <translation>%1 はフォルダーです。新しいデータベースファイルのパスを指定してください。</translation>
    </message>
    <message>
        <source>%1 already exists; LiteKeep never overwrites it silently. Choose another path, or add --force (the existing file is then kept beside it).</source>
        <translation>%1 は既に存在します。LiteKeep が既存のファイルを黙って上書きすることはありません。別のパスを選ぶか、--force を追加してください (その場合、既存のファイルは同じ場所に別名で残します)。</translation>
    </message>
    <message>
        <source>The folder of the live database, %1, does not exist.</source>
        <translation>稼働中のデータベースのフォルダー %1 が存在しません。</translation>
    </message>
    <message>
        <source>Cannot move %1 aside.</source>
        <translation>%1 を退避できません。</translation>
    </message>
    <message>
        <source>There is no pre-restore copy of profile "%1" to put back.</source>
        <translation>プロファイル "%1" には、元に戻せる復元前のコピーがありません。</translation>
    </message>
    <message>
        <source>Put back the database as it was before the restore of %1.</source>
        <translation>データベースを %1 の復元前の状態に戻しました。</translation>
    </message>
    <message>
        <source>Restored %1 to %2.</source>
        <translation>%1 を %2 に復元しました。</translation>
    </message>
    <message>
        <source>Generation %1 could not be downloaded and checked: %2 Nothing was changed.</source>
        <translation>世代 %1 をダウンロードして確認できませんでした: %2 何も変更していません。</translation>
    </message>
    <message>
        <source>Generation %1 failed verification (%2); it was refused and nothing was changed.</source>
        <translation>世代 %1 は検証に失敗したため (%2)、復元を中止しました。何も変更していません。</translation>
    </message>
    <message>
        <source>Skipped %1: it failed verification (%2).</source>
        <translation>%1 をスキップしました: 検証に失敗しました (%2)。</translation>
    </message>
    <message>
        <source>No generation passed verification; nothing was changed.</source>
        <translation>検証に合格した世代がありません。何も変更していません。</translation>
    </message>
    <message>
        <source>The file that was at %1 is kept as %2.</source>
        <translation>%1 にあったファイルは %2 として残してあります。</translation>
    </message>
    <message>
        <source>Other programs had the database open: %1. They now see the restored content; restart them if they cache data.</source>
        <translation>他のプログラムがデータベースを開いていました: %1。これらのプログラムからは復元後の内容が見えます。データをキャッシュしている場合は再起動してください。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 に書き込めません。</translation>
    </message>
    <message>
        <source>There was no database at %1; the restored one was put there.</source>
        <translation>%1 にデータベースがなかったため、復元したデータベースをそこに配置しました。</translation>
    </message>
    <message>
        <source>Could not keep a copy of the current database, so nothing was changed: %1</source>
        <translation>現在のデータベースのコピーを保存できなかったため、何も変更していません: %1</translation>
    </message>
    <message>
        <source>The database as it was is kept in %1 ("litekeep restore --undo" puts it back).</source>
        <translation>変更前のデータベースは %1 に保存してあります ("litekeep restore --undo" で元に戻せます)。</translation>
    </message>
    <message>
        <source>Warning: PRAGMA quick_check of the restored database says: %1</source>
        <translation>警告: 復元したデータベースの PRAGMA quick_check の結果: %1</translation>
    </message>
    <message>
        <source>%1 Nothing was changed. Add --force if you really mean to put it in place of %2.</source>
        <translation>%1 何も変更していません。本当に %2 と置き換えるつもりなら --force を付けてください。</translation>
    </message>
    <message>
        <source>Cannot set the permissions of %1: %2.</source>
        <translation>%1 のアクセス権を設定できません: %2。</translation>
    </message>
</context>
<context>
    <name>lk::RestoreWizard</name>
    <message>
        <source>Restore “%1”</source>
        <translation>「%1」の復元</translation>
    </message>
    <message>
        <source>Choose a generation</source>
        <translation>世代の選択</translation>
    </message>
    <message>
        <source>Backups of %1 on %2, newest first. The newest verified generation is chosen for you.</source>
        <translation>%2 にある %1 のバックアップです (新しい順)。検証済みの最新の世代があらかじめ選択されています。</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Reading the generations on %1…</source>
        <translation>%1 上の世代を読み取っています…</translation>
    </message>
    <message>
        <source>What restoring it changes</source>
        <translation>復元による変更内容</translation>
    </message>
    <message>
        <source>LiteKeep downloads the generation once, verifies it, and compares it with the live database. Nothing is changed yet.</source>
        <translation>LiteKeep は世代を一度ダウンロードして検証し、稼働中のデータベースと比較します。この時点ではまだ何も変更しません。</translation>
    </message>
    <message>
        <source>Where to restore</source>
        <translation>復元先</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>Restore to a &amp;new file (the live database is not touched)</source>
        <translation>新しいファイルに復元する (稼働中のデータベースは変更しません)(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Replace the &amp;live database</source>
        <translation>稼働中のデータベースを置き換える(&amp;L)</translation>
    </message>
    <message>
        <source>LiteKeep first keeps a copy of what is there now in %1, then replaces the content of %2 in one transaction: programs that have it open see the old or the new content, never a mix. You can undo the restore afterwards from that copy.</source>
        <translation>LiteKeep はまず現在の内容のコピーを %1 に保存し、次に 1 つのトランザクションで %2 の内容を置き換えます。データベースを開いているプログラムには古い内容か新しい内容のどちらかが見え、両者が混ざることはありません。このコピーから、後で復元を元に戻すことができます。</translation>
    </message>
    <message>
        <source>Yes, replace %1 with this generation</source>
        <translation>はい、%1 をこの世代で置き換えます</translation>
    </message>
    <message>
        <source>Restore to</source>
        <translation>復元先</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>復元中</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>フォルダーを開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Undo this restore</source>
        <translation>この復元を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>cannot be restored: %1</source>
        <translation>復元不可: %1</translation>
    </message>
    <message>
        <source>not verified yet</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>verified %1</source>
        <translation>検証済み %1</translation>
    </message>
    <message>
        <source>FAILED verification: %1</source>
        <translation>検証失敗: %1</translation>
    </message>
    <message>
        <source>There is no complete generation on %1 to restore.</source>
        <translation>%1 には復元できる完全な世代がありません。</translation>
    </message>
    <message>
        <source>No generation has been verified yet; the newest one is chosen. The restore verifies it before anything is written.</source>
        <translation>検証済みの世代がまだないため、最新の世代を選択しています。復元時には、書き込む前にこの世代を検証します。</translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s).</source>
        <translation>
            <numerusform>%n 件の世代。</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading and verifying the generation…</source>
        <translation>世代をダウンロードして検証しています…</translation>
    </message>
    <message>
        <source>Verified. Comparing it with the live database…</source>
        <translation>検証しました。稼働中のデータベースと比較しています…</translation>
    </message>
    <message>
        <source>This generation cannot be restored: %1 Go back and choose another one.</source>
        <translation>この世代は復元できません: %1 前に戻って別の世代を選択してください。</translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n table(s), %1 rows in all.</source>
        <translation>
            <numerusform>検証しました: テーブル %n 個、合計 %1 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking whether other programs have the database open…</source>
        <translation>他のプログラムがデータベースを開いていないか確認しています…</translation>
    </message>
    <message>
        <source>No other program has the database open right now.</source>
        <translation>現在、データベースを開いている他のプログラムはありません。</translation>
    </message>
    <message>
        <source>Warning: %1 Their next read sees the restored content; restart them if they keep data in memory.</source>
        <translation>警告: %1 これらのプログラムは次の読み取りから復元後の内容を参照します。データをメモリに保持している場合は再起動してください。</translation>
    </message>
    <message>
        <source>Give the path of the new file.</source>
        <translation>新しいファイルのパスを指定してください。</translation>
    </message>
    <message>
        <source>That is the live database; choose “Replace the live database” to replace it safely.</source>
        <translation>それは稼働中のデータベースです。安全に置き換えるには「稼働中のデータベースを置き換える」を選択してください。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>フォルダー %1 が存在しません。</translation>
    </message>
    <message>
        <source>%1 already exists; LiteKeep never overwrites a file here. Choose another name.</source>
        <translation>%1 は既に存在します。LiteKeep がここで既存のファイルを上書きすることはありません。別の名前を選択してください。</translation>
    </message>
    <message>
        <source>The restored database will be written to:
%1</source>
        <translation>復元したデータベースの書き込み先:
%1</translation>
    </message>
    <message>
        <source>Putting the database back as it was before the restore…</source>
        <translation>データベースを復元前の状態に戻しています…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>復元しています…</translation>
    </message>
    <message>
        <source>Restored database: %1</source>
        <translation>復元したデータベース: %1</translation>
    </message>
    <message>
        <source>What was there before: %1</source>
        <translation>復元前の内容: %1</translation>
    </message>
    <message>
        <source>The restore did not complete</source>
        <translation>復元は完了しませんでした</translation>
    </message>
    <message>
        <source>Restore undone</source>
        <translation>復元を元に戻しました</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>復元しました</translation>
    </message>
    <message>
        <source>Replace &amp;anyway</source>
        <translation>それでも置き換える(&amp;A)</translation>
    </message>
    <message>
        <source>Nothing was changed. Replace it anyway only if you are sure this generation belongs here: a copy of what is there now is still kept first, and the restore can be undone.</source>
        <translation>何も変更していません。この世代がここに属するものだと確信できる場合にだけ、置き換えてください。その場合も、まず現在の内容のコピーを保存するので、復元は元に戻せます。</translation>
    </message>
    <message>
        <source>You cannot write to the folder %1. Choose another folder.</source>
        <translation>フォルダー %1 には書き込めません。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>%1 is a folder. Give the name of the new file inside it.</source>
        <translation>%1 はフォルダーです。その中に作る新しいファイルの名前を指定してください。</translation>
    </message>
    <message>
        <source>verification unknown</source>
        <translation>検証状態は不明</translation>
    </message>
    <message>
        <source>%1 Which generations were verified is unknown, so the newest one is chosen. The restore verifies it before anything is written.</source>
        <translation>%1 どの世代が検証済みか分からないため、最新の世代を選びました。復元では書き込む前にその世代を検証します。</translation>
    </message>
</context>
<context>
    <name>lk::ScheduleCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>A systemd user service and timer.</source>
        <translation>systemd のユーザーサービスとタイマー。</translation>
    </message>
    <message>
        <source>A crontab line.</source>
        <translation>crontab の行。</translation>
    </message>
    <message>
        <source>Usage: litekeep schedule (install | remove) (--systemd | --cron) [--profile NAME]</source>
        <translation>使用法: litekeep schedule (install | remove) (--systemd | --cron) [--profile NAME]</translation>
    </message>
    <message>
        <source>Add this line with "crontab -e":
%1</source>
        <translation>"crontab -e" で次の行を追加してください:
%1</translation>
    </message>
    <message>
        <source>Remove this line with "crontab -e":
%1</source>
        <translation>"crontab -e" で次の行を削除してください:
%1</translation>
    </message>
    <message>
        <source>Removed %1 and its timer. Run "systemctl --user disable --now %2; systemctl --user daemon-reload" if it was enabled.</source>
        <translation>%1 とそのタイマーを削除しました。有効にしていた場合は "systemctl --user disable --now %2; systemctl --user daemon-reload" を実行してください。</translation>
    </message>
    <message>
        <source>There was no systemd schedule for profile "%1".</source>
        <translation>プロファイル "%1" の systemd スケジュールはありませんでした。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Wrote %1 and %2.</source>
        <translation>%1 と %2 を書き込みました。</translation>
    </message>
    <message>
        <source>Enable it with: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now %1</source>
        <translation>次のコマンドで有効にしてください: systemctl --user daemon-reload &amp;&amp; systemctl --user enable --now %1</translation>
    </message>
</context>
<context>
    <name>lk::SettingsDialog</name>
    <message>
        <source>LiteKeep settings</source>
        <translation>LiteKeep の設定</translation>
    </message>
    <message>
        <source>Start LiteKeep when I log in (the tray runs the nightly backups)</source>
        <translation>ログイン時に LiteKeep を起動する (毎晩のバックアップはトレイから実行されます)</translation>
    </message>
    <message>
        <source>Notify me when</source>
        <translation>通知するタイミング</translation>
    </message>
    <message>
        <source>a backup fails</source>
        <translation>バックアップが失敗したとき</translation>
    </message>
    <message>
        <source>backups work again after a failure</source>
        <translation>失敗の後にバックアップが復旧したとき</translation>
    </message>
    <message>
        <source>a backup succeeds (every night)</source>
        <translation>バックアップが成功したとき (毎晩)</translation>
    </message>
    <message>
        <source>no backup has been verified for too long</source>
        <translation>検証済みのバックアップが長期間ないとき</translation>
    </message>
    <message>
        <source>tables lost many rows since the previous backup</source>
        <translation>前回のバックアップ以降にテーブルの行が大幅に減ったとき</translation>
    </message>
    <message>
        <source>Whatever you choose, the tray icon turns red after a failure.</source>
        <translation>どの設定でも、失敗するとトレイアイコンが赤くなります。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>gzip level for new profiles: 1 is fastest, 9 smallest; 6 is gzip's own default. Each profile keeps its own level.</source>
        <translation>新しいプロファイルの gzip 圧縮レベル: 1 が最も速く、9 が最も小さくなります。6 は gzip 自体の既定値です。各プロファイルはそれぞれのレベルを保持します。</translation>
    </message>
    <message>
        <source>Compression level for new profiles:</source>
        <translation>新しいプロファイルの圧縮レベル:</translation>
    </message>
    <message>
        <source>Run backups at low CPU and disk priority</source>
        <translation>CPU とディスクの優先度を下げてバックアップを実行する</translation>
    </message>
    <message>
        <source>Keeps the desktop responsive while a backup runs; a backup may take a little longer.</source>
        <translation>バックアップ中もデスクトップの応答性を保ちます。バックアップに少し時間がかかる場合があります。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Language (after a restart):</source>
        <translation>言語 (再起動後に反映):</translation>
    </message>
    <message>
        <source>The other settings are saved, but start at login could not be changed: %1</source>
        <translation>他の設定は保存されましたが、ログイン時の起動の設定を変更できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>One per core (%n)</source>
        <translation>
            <numerusform>コアごとに 1 つ (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>How many threads compress a backup. Fewer leave more of the computer free while a backup runs; the backup takes longer.</source>
        <translation>バックアップの圧縮に使うスレッド数です。少なくすると、バックアップ中もコンピューターに余裕が残りますが、バックアップに時間がかかります。</translation>
    </message>
    <message>
        <source>Compression threads:</source>
        <translation>圧縮スレッド数:</translation>
    </message>
</context>
<context>
    <name>lk::ShowCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The newest generation.</source>
        <translation>最新の世代。</translation>
    </message>
    <message>
        <source>Also look inside the database (downloads and verifies it once).</source>
        <translation>データベースの中身も調べます (一度ダウンロードして検証します)。</translation>
    </message>
    <message>
        <source>Usage: litekeep show [--profile NAME] (GENERATION | --latest) [--deep]</source>
        <translation>使用法: litekeep show [--profile NAME] (GENERATION | --latest) [--deep]</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Generation %1 (%2)</source>
        <translation>世代 %1 (%2)</translation>
    </message>
    <message>
        <source>  %1 from %2, SQLite %3, LiteKeep %4</source>
        <translation>  %1 (%2 上、SQLite %3、LiteKeep %4)</translation>
    </message>
    <message>
        <source>  %1 (%2 compressed), %3 pages of %4 bytes, user_version %5, journal mode %6</source>
        <translation>  %1 (圧縮後 %2)、%4 バイトのページが %3 個、user_version %5、ジャーナルモード %6</translation>
    </message>
    <message>
        <source>  Objects:</source>
        <translation>  オブジェクト:</translation>
    </message>
    <message numerus="yes">
        <source> (%n row(s))</source>
        <translation>
            <numerusform> (%n 行)</numerusform>
        </translation>
    </message>
    <message>
        <source>  Tables:</source>
        <translation>  テーブル:</translation>
    </message>
    <message numerus="yes">
        <source>    %1: %n row(s)</source>
        <translation>
            <numerusform>    %1: %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>  Never verified on this computer.</source>
        <translation>  このコンピューターではまだ検証されていません。</translation>
    </message>
    <message>
        <source>  Verifications:</source>
        <translation>  検証履歴:</translation>
    </message>
</context>
<context>
    <name>lk::StatusCommand</name>
    <message>
        <source>Only this profile (default: all).</source>
        <translation>このプロファイルのみ (既定: すべて)。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Profile %1: %2 → %3</source>
        <translation>プロファイル %1: %2 → %3</translation>
    </message>
    <message>
        <source>  No backup has run yet.</source>
        <translation>  まだバックアップは実行されていません。</translation>
    </message>
    <message>
        <source>  Last run: %1, %2. %3</source>
        <translation>  前回の実行: %1、%2。%3</translation>
    </message>
    <message>
        <source>  Last good backup: %1 (%2).</source>
        <translation>  最後に成功したバックアップ: %1 (%2)。</translation>
    </message>
    <message>
        <source>  There is no successful backup yet.</source>
        <translation>  成功したバックアップはまだありません。</translation>
    </message>
    <message>
        <source>  Last proven restorable: %1 (%2, %3).</source>
        <translation>  最後に復元可能と確認: %1 (%2、%3)。</translation>
    </message>
    <message>
        <source>restore drill</source>
        <translation>復元訓練</translation>
    </message>
    <message>
        <source>checked after upload</source>
        <translation>アップロード後に確認</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>No profiles yet. Create one with "litekeep profile add NAME --db PATH".</source>
        <translation>プロファイルがまだありません。"litekeep profile add NAME --db PATH" で作成してください。</translation>
    </message>
    <message>
        <source>  WARNING (backup %1): %2</source>
        <translation>  警告 (バックアップ %1): %2</translation>
    </message>
    <message>
        <source>    Check the database; when the change was intended, run "litekeep dismiss --profile %1 %2".</source>
        <translation>    データベースを確認し、意図した変更であれば "litekeep dismiss --profile %1 %2" を実行してください。</translation>
    </message>
    <message>
        <source>  State: %1</source>
        <translation>  状態: %1</translation>
    </message>
    <message>
        <source>  The run history cannot be read: %1</source>
        <translation>  実行履歴を読み取れません: %1</translation>
    </message>
    <message>
        <source>  Problem: %1</source>
        <translation>  問題: %1</translation>
    </message>
</context>
<context>
    <name>lk::Storage</name>
    <message>
        <source>Uploading %1</source>
        <translation>%1 のアップロード</translation>
    </message>
    <message>
        <source>Listing %1</source>
        <translation>%1 の一覧取得</translation>
    </message>
    <message>
        <source>The bucket "%1" does not exist at %2. Create it, or correct the destination.</source>
        <translation>バケット "%1" は %2 に存在しません。バケットを作成するか、保存先を修正してください。</translation>
    </message>
    <message>
        <source>Reading the manifests on %1</source>
        <translation>%1 上のマニフェストの読み取り</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>%1 の削除</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 の読み取り</translation>
    </message>
    <message>
        <source>rclone's listing could not be read (%1).</source>
        <translation>rclone の一覧出力を読み取れませんでした (%1)。</translation>
    </message>
</context>
<context>
    <name>lk::StreamedUpload</name>
    <message>
        <source>Cannot make a pipe for the upload: %1.</source>
        <translation>アップロード用のパイプを作成できません: %1。</translation>
    </message>
</context>
<context>
    <name>lk::TrayApp</name>
    <message>
        <source>The system tray is not available, so LiteKeep shows this window instead. Backups still run on schedule while LiteKeep is running.</source>
        <translation>システムトレイを利用できないため、代わりにこのウィンドウを表示しています。LiteKeep の実行中は、スケジュールどおりにバックアップが実行されます。</translation>
    </message>
    <message>
        <source>Quit LiteKeep?</source>
        <translation>LiteKeep を終了しますか？</translation>
    </message>
    <message>
        <source>A backup of "%1" is running. Quit and cancel it?</source>
        <translation>"%1" のバックアップを実行中です。終了してバックアップをキャンセルしますか？</translation>
    </message>
    <message>
        <source>%1 Backups still run on schedule, but LiteKeep cannot tell which ran: a profile whose last backup it cannot read is backed up once, then at its next scheduled time.</source>
        <translation>%1 バックアップは引き続きスケジュールどおりに実行されますが、LiteKeep はどれが実行済みかを判断できません。前回のバックアップを読み取れないプロファイルは一度バックアップし、その後は次の予定時刻に実行します。</translation>
    </message>
    <message>
        <source>The run history cannot be read (see the window).</source>
        <translation>実行履歴を読み取れません (ウィンドウを参照してください)。</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <extracomment>%1 is a phase of a backup ("Uploading"), %2 its percent</extracomment>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>the tray's line for one profile: %1 is its name, %2 its state in a few words</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>lk::TrayIcon</name>
    <message>
        <source>LiteKeep</source>
        <translation>LiteKeep</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>Open LiteKeep</source>
        <translation>LiteKeep を開く</translation>
    </message>
    <message>
        <source>Pause schedules</source>
        <translation>スケジュールを一時停止</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Notify after successful backups too</source>
        <translation>バックアップの成功時にも通知する</translation>
    </message>
</context>
<context>
    <name>lk::VerifyCommand</name>
    <message>
        <source>The profile.</source>
        <translation>対象のプロファイル。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The newest generation (the default).</source>
        <translation>最新の世代 (既定)。</translation>
    </message>
    <message>
        <source>Every generation.</source>
        <translation>すべての世代。</translation>
    </message>
    <message>
        <source>A restore drill: the newest and one random older generation.</source>
        <translation>復元訓練: 最新の世代と、ランダムに選んだ古い世代 1 つ。</translation>
    </message>
    <message>
        <source>Usage: litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]</source>
        <translation>使用法: litekeep verify [--profile NAME] [GENERATION | --latest | --all | --drill]</translation>
    </message>
    <message>
        <source>Verifying %1 (%2/%3)</source>
        <translation>%1 を検証中 (%2/%3)</translation>
    </message>
    <message>
        <source>%1: passed</source>
        <translation>%1: 合格</translation>
    </message>
    <message>
        <source>%1: FAILED: %2</source>
        <translation>%1: 不合格: %2</translation>
    </message>
    <message>
        <source>%1: skipped: %2</source>
        <translation>%1: スキップ: %2</translation>
    </message>
    <message>
        <source>%1: not checked: %2</source>
        <translation>%1: 未確認: %2</translation>
    </message>
    <message>
        <source>%1: passed; %2</source>
        <translation>%1: 合格。%2</translation>
    </message>
</context>
<context>
    <name>lk::VerifyJob</name>
    <message>
        <source>There is no generation named "%1" on the destination.</source>
        <translation>保存先に "%1" という名前の世代はありません。</translation>
    </message>
    <message>
        <source>There is no complete generation on the destination yet.</source>
        <translation>保存先にはまだ完全な世代がありません。</translation>
    </message>
    <message>
        <source>There are no generations on the destination yet.</source>
        <translation>保存先にはまだ世代がありません。</translation>
    </message>
    <message>
        <source>There is no complete generation to drill yet.</source>
        <translation>復元訓練に使える完全な世代がまだありません。</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>検証をキャンセルしました。</translation>
    </message>
    <message numerus="yes">
        <source>Verification cancelled after %n generation(s).</source>
        <translation>
            <numerusform>%n 件の世代を検証した時点で、検証をキャンセルしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n generation(s) verified: all restorable.</source>
        <translation>
            <numerusform>%n 件の世代を検証しました: すべて復元可能です。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped: written by a newer LiteKeep.</source>
        <translation>
            <numerusform>%n 件をスキップしました: 新しいバージョンの LiteKeep で書き込まれています。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 generations failed verification: %3</source>
        <translation>%2 件中 %1 件の世代が検証に失敗しました: %3</translation>
    </message>
    <message>
        <source>%1 of %2 generations could not be checked: %3</source>
        <translation>%2 件中 %1 件の世代を確認できませんでした: %3</translation>
    </message>
</context>
</TS>
