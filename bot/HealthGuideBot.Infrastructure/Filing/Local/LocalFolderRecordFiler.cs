using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGuideBot.Core.Filing;

namespace HealthGuideBot.Infrastructure.Filing.Local;

/// <summary>
/// The embedded default filer: the local filing folder. Documents go to <c>{folder}/{Destination}/{FileName}</c>;
/// register entries are upserted, keyed by record, in <c>{folder}/{Destination}/register.jsonl</c>; emails are written
/// as <c>.eml</c> files to <c>{folder}/outbox/</c> (nothing is sent). Every write is atomic (a temporary file renamed
/// into place) and idempotent on the request: filing the same thing twice finds it there and reports Filed.
/// </summary>
internal sealed class LocalFolderRecordFiler : IRecordFiler, IDisposable
{
    public const string RegisterFileName = "register.jsonl";
    public const string EmailFolderName = "outbox";

    private readonly string _root;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _registerLock = new(1, 1);

    public LocalFolderRecordFiler(string root, TimeProvider time)
    {
        _root = Path.GetFullPath(root);
        _time = time;
    }

    public string Root => _root;

    public void Dispose() => _registerLock.Dispose();

    public async Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return request.Target switch
            {
                FilingTarget.Document => await FileDocumentAsync(request, cancellationToken),
                FilingTarget.RegisterEntry => await UpsertRegisterAsync(request, cancellationToken),
                FilingTarget.Email => await WriteEmailAsync(request, cancellationToken),
                _ => new FilingResult.NeedsAdministrator($"unknown filing target {request.Target}"),
            };
        }
        catch (UnauthorizedAccessException)
        {
            return new FilingResult.NeedsAdministrator("the filing folder is not writable");
        }
        catch (IOException ex)
        {
            return new FilingResult.Transient($"file system: {ex.GetType().Name}", null);
        }
    }

    private async Task<FilingResult> FileDocumentAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return new FilingResult.NeedsAdministrator("a document request has no content");
        }

        string folder = Path.Combine(_root, SafeName(request.Destination));
        string path = Path.Combine(folder, SafeName(request.FileName ?? request.Key + ".bin"));
        Directory.CreateDirectory(folder);
        var existing = await CompareExistingAsync(path, request.Content, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        if (await WriteAtomicallyAsync(path, request.Content, overwrite: false, cancellationToken))
        {
            return new FilingResult.Filed(new Uri(path).AbsoluteUri);
        }

        // Lost a race with another writer of the same name: judge what is there now.
        return await CompareExistingAsync(path, request.Content, cancellationToken)
            ?? new FilingResult.Transient("file appeared and vanished", null);
    }

    private static async Task<FilingResult?> CompareExistingAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var there = await File.ReadAllBytesAsync(path, cancellationToken);
        return there.AsSpan().SequenceEqual(content)
            ? new FilingResult.Filed(new Uri(path).AbsoluteUri)
            : new FilingResult.NeedsAdministrator("a different file with the same name is already filed");
    }

    private async Task<FilingResult> UpsertRegisterAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(_root, SafeName(request.Destination));
        string path = Path.Combine(folder, RegisterFileName);
        string record = RecordKey(request);
        var fields = new SortedDictionary<string, string>(request.Fields?.ToDictionary() ?? [], StringComparer.Ordinal);
        Directory.CreateDirectory(folder);

        await _registerLock.WaitAsync(cancellationToken);
        try
        {
            var rows = new List<RegisterRow>();
            if (File.Exists(path))
            {
                foreach (var line in await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken))
                {
                    if (line.Length > 0 && JsonSerializer.Deserialize(line, LocalFilingJsonContext.Default.RegisterRow) is { } row)
                    {
                        rows.Add(row);
                    }
                }
            }

            int index = rows.FindIndex(r => r.Record == record);
            if (index >= 0 && rows[index].Key == request.Key && rows[index].Fields.SequenceEqual(fields))
            {
                return new FilingResult.Filed(new Uri(path).AbsoluteUri + "#" + Uri.EscapeDataString(record));
            }

            var updated = new RegisterRow(record, request.Key, _time.GetUtcNow(), fields);
            if (index >= 0)
            {
                rows[index] = updated;
            }
            else
            {
                rows.Add(updated);
            }

            var text = new StringBuilder();
            foreach (var row in rows)
            {
                text.Append(JsonSerializer.Serialize(row, LocalFilingJsonContext.Default.RegisterRow)).Append('\n');
            }

            await WriteAtomicallyAsync(path, Encoding.UTF8.GetBytes(text.ToString()), overwrite: true, cancellationToken);
            return new FilingResult.Filed(new Uri(path).AbsoluteUri + "#" + Uri.EscapeDataString(record));
        }
        finally
        {
            _registerLock.Release();
        }
    }

    private async Task<FilingResult> WriteEmailAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.MailTo))
        {
            return new FilingResult.NeedsAdministrator("an email request has no recipient");
        }

        string folder = Path.Combine(_root, EmailFolderName);
        string path = Path.Combine(folder, SafeName(request.Key) + ".eml");
        Directory.CreateDirectory(folder);
        if (File.Exists(path))
        {
            return new FilingResult.Filed(new Uri(path).AbsoluteUri);
        }

        var message = EmlWriter.Write(request, _time.GetUtcNow());
        await WriteAtomicallyAsync(path, message, overwrite: false, cancellationToken);
        return new FilingResult.Filed(new Uri(path).AbsoluteUri);
    }

    /// <summary>Writes to a temporary file in the same folder, flushes it to disk, then renames it into place.</summary>
    /// <returns>False when <paramref name="overwrite"/> is false and the file already exists.</returns>
    private static async Task<bool> WriteAtomicallyAsync(string path, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        string temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}.tmp"); // path is always folder/file here.
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite);
                return true;
            }
            catch (IOException) when (!overwrite && File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The register row identity: one row per record, so a new version of a record updates its row.</summary>
    internal static string RecordKey(FilingRequest request) => request.RecordType + ":" + request.RecordId;

    /// <summary>A single, safe path segment: no separators, no "..", no characters the file system refuses.</summary>
    internal static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var builder = new StringBuilder(name.Length);
        foreach (char c in name.Trim())
        {
            builder.Append(invalid.Contains(c) || c is ':' or '\\' or '/' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        }

        string safe = builder.ToString().Trim('.', ' ');
        return safe.Length == 0 ? "_" : safe;
    }

    internal sealed record RegisterRow(
        [property: JsonPropertyName("record")] string Record,
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("updatedAt")] DateTimeOffset UpdatedAt,
        [property: JsonPropertyName("fields")] SortedDictionary<string, string> Fields);
}

[JsonSerializable(typeof(LocalFolderRecordFiler.RegisterRow))]
internal sealed partial class LocalFilingJsonContext : JsonSerializerContext;

/// <summary>A minimal RFC 5322 / MIME message: text body and one base64 attachment, marked with the filing key.</summary>
internal static class EmlWriter
{
    public const string KeyHeader = "X-HealthGuideBot-Filing-Key";

    public static byte[] Write(FilingRequest request, DateTimeOffset now)
    {
        string boundary = "hgb-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.Key)))[..24].ToLowerInvariant();
        var text = new StringBuilder();
        text.Append("To: ").Append(OneLine(request.MailTo!)).Append("\r\n"); // Checked by the caller.
        text.Append("Subject: ").Append(EncodedWord(request.MailSubject ?? string.Empty)).Append("\r\n");
        text.Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append(KeyHeader).Append(": ").Append(OneLine(request.Key)).Append("\r\n");
        text.Append("MIME-Version: 1.0\r\n");
        text.Append("Content-Type: multipart/mixed; boundary=\"").Append(boundary).Append("\"\r\n\r\n");
        text.Append("--").Append(boundary).Append("\r\n");
        text.Append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        text.Append(Base64Lines(Encoding.UTF8.GetBytes(request.MailBody ?? string.Empty)));
        if (request.Content is { } content)
        {
            string name = LocalFolderRecordFiler.SafeName(request.FileName ?? "attachment.bin");
            text.Append("--").Append(boundary).Append("\r\n");
            text.Append("Content-Type: ").Append(OneLine(request.ContentType ?? "application/octet-stream")).Append("; name=\"").Append(name).Append("\"\r\n");
            text.Append("Content-Disposition: attachment; filename=\"").Append(name).Append("\"\r\n");
            text.Append("Content-Transfer-Encoding: base64\r\n\r\n");
            text.Append(Base64Lines(content));
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static string OneLine(string value) => value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string EncodedWord(string value) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(OneLine(value))) + "?=";

    private static string Base64Lines(byte[] bytes)
    {
        string all = Convert.ToBase64String(bytes);
        var lines = new StringBuilder();
        for (int i = 0; i < all.Length; i += 76)
        {
            lines.Append(all, i, Math.Min(76, all.Length - i)).Append("\r\n");
        }

        return lines.ToString();
    }
}
