using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Testing.Graph;

/// <summary>
/// A Microsoft Graph stand-in on loopback (Kestrel, a free port) implementing just what filing uses: drive item
/// upload by path with <c>conflictBehavior=fail</c> (409 <c>nameAlreadyExists</c>), item metadata and content,
/// resumable upload sessions (chunks checked for 320 KiB multiples, order, and the ABSENCE of an Authorization
/// header), list items (filter by a field, create, patch fields), mail (drafts with a single-value extended
/// property marker, attachments, send, folder search by marker), and group transitive membership (paged). Graph calls must carry a bearer token.
/// <see cref="Inject"/> programs faults: 429 with Retry-After, 503, a 504 that still delivered, 403, slow requests.
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    public const int ChunkUnit = 320 * 1024;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<GraphCall> _calls = new();
    private readonly List<(Func<GraphCall, bool> Match, GraphFault Fault, int Remaining)> _faults = [];
    private readonly Dictionary<string, FakeDriveFile> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FakeListItem>> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeMessage> _messages = [];
    private readonly Dictionary<string, List<JsonObject>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _violations = [];
    private int _sequence;
    private int _ids;

    private FakeGraphServer(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri Origin { get; private set; } = null!; // Set by StartAsync before the instance is returned.

    /// <summary>The Graph root to configure: http://127.0.0.1:{port}/v1.0</summary>
    public Uri BaseUrl => new(Origin, "/v1.0");

    public IReadOnlyList<GraphCall> Calls => [.. _calls.OrderBy(c => c.Sequence)];

    /// <summary>Protocol breaches seen (Authorization on a chunk PUT, chunk not a 320 KiB multiple, missing token...).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<FakeDriveFile> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _files.Values];
            }
        }
    }

    public IReadOnlyList<FakeListItem> ListItems(string listId)
    {
        lock (_gate)
        {
            return _lists.TryGetValue(listId, out var items) ? [.. items] : [];
        }
    }

    /// <summary>Every message, drafts and sent.</summary>
    public IReadOnlyList<FakeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Messages actually sent (each send of a draft delivers once).</summary>
    public IReadOnlyList<FakeMessage> Sent => [.. Messages.Where(m => m.Folder == "sentitems")];

    public static async Task<FakeGraphServer> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeGraphServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = 100 * 1024 * 1024;
        });
        WebApplication app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Origin = new Uri(address.TrimEnd('/'));
        return server;
    }

    /// <summary>The next <paramref name="times"/> calls matching <paramref name="match"/> get <paramref name="fault"/>.</summary>
    public void Inject(Func<GraphCall, bool> match, GraphFault fault, int times = 1)
    {
        lock (_gate)
        {
            _faults.Add((match, fault, times));
        }
    }

    /// <summary>Removes every programmed fault (the outage is over).</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Puts a file in the library directly, as if someone else had filed it.</summary>
    public void SeedFile(string driveId, string path, byte[] content)
    {
        lock (_gate)
        {
            _files[driveId + ":" + path] = NewFile(driveId, path, content);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var call = new GraphCall(
            Interlocked.Increment(ref _sequence),
            request.Method,
            request.Path.Value ?? string.Empty,
            Uri.UnescapeDataString(request.QueryString.Value ?? string.Empty),
            request.Headers.Authorization.Count > 0,
            request.ContentLength ?? 0,
            request.Headers.ContentRange.ToString() is { Length: > 0 } range ? range : null);
        _calls.Enqueue(call);
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }

        GraphFault? fault = TakeFault(call);
        Reply reply;
        if (fault is null)
        {
            reply = Dispatch(call, body);
        }
        else
        {
            // A delivering fault does the work on arrival (then may hang): the caller never learns it landed.
            if (fault.Deliver)
            {
                Dispatch(call, body);
            }

            if (fault.Hold is { } hold)
            {
                await hold.WaitAsync(context.RequestAborted);
            }

            reply = Error(fault.Status, fault.Code ?? "error");
        }

        if (fault?.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Json is { } json)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
        }
        else if (reply.Bytes is { } bytes)
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private GraphFault? TakeFault(GraphCall call)
    {
        lock (_gate)
        {
            for (int i = 0; i < _faults.Count; i++)
            {
                var (match, fault, remaining) = _faults[i];
                if (match(call))
                {
                    if (remaining <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = (match, fault, remaining - 1);
                    }

                    return fault;
                }
            }

            return null;
        }
    }

    private Reply Dispatch(GraphCall call, byte[] body)
    {
        lock (_gate)
        {
            if (call.Path.StartsWith("/upload/", StringComparison.Ordinal))
            {
                if (call.HasAuthorization)
                {
                    _violations.Add($"Authorization header sent on {call.Method} to a pre-authenticated upload URL");
                    return Error(401, "InvalidAuthenticationToken");
                }

                return Upload(call, body);
            }

            if (!call.HasAuthorization)
            {
                _violations.Add($"No Authorization header on {call.Method} {call.Path}");
                return Error(401, "InvalidAuthenticationToken");
            }

            string path = call.Path.StartsWith("/v1.0", StringComparison.Ordinal) ? call.Path["/v1.0".Length..] : call.Path;
            Match m;
            if ((m = DriveContent().Match(path)).Success)
            {
                return call.Method switch
                {
                    "PUT" => PutContent(m.Groups[1].Value, m.Groups[2].Value, call.Query, body),
                    "GET" => _files.TryGetValue(m.Groups[1].Value + ":" + m.Groups[2].Value, out var file) ? new Reply(200, Bytes: file.Content) : Error(404, "itemNotFound"),
                    _ => Error(405, "invalidRequest"),
                };
            }

            if ((m = CreateSession().Match(path)).Success && call.Method == "POST")
            {
                return NewSession(m.Groups[1].Value, m.Groups[2].Value, body);
            }

            if ((m = DriveItemByPath().Match(path)).Success && call.Method == "GET")
            {
                return _files.TryGetValue(m.Groups[1].Value + ":" + m.Groups[2].Value, out var file) ? new Reply(200, file.ToJson()) : Error(404, "itemNotFound");
            }

            if ((m = ListItems().Match(path)).Success)
            {
                return call.Method switch
                {
                    "GET" => FindListItems(m.Groups[2].Value, call.Query),
                    "POST" => CreateListItem(m.Groups[2].Value, body),
                    _ => Error(405, "invalidRequest"),
                };
            }

            if ((m = ListItemFields().Match(path)).Success && call.Method == "PATCH")
            {
                return PatchListItem(m.Groups[2].Value, m.Groups[3].Value, body);
            }

            if ((m = GroupTransitiveMembers().Match(path)).Success && call.Method == "GET")
            {
                return TransitiveMembers(m.Groups[1].Value, call.Query);
            }

            if ((m = FolderMessages().Match(path)).Success && call.Method == "GET")
            {
                return FindMessages(m.Groups[2].Value, call.Query);
            }

            if ((m = MessagesPath().Match(path)).Success && call.Method == "POST")
            {
                return CreateDraft(body);
            }

            if ((m = Attachments().Match(path)).Success)
            {
                return call.Method == "POST" ? AddAttachment(m.Groups[2].Value, body) : ListAttachments(m.Groups[2].Value);
            }

            if ((m = Send().Match(path)).Success && call.Method == "POST")
            {
                return SendDraft(m.Groups[2].Value);
            }

            return Error(404, "invalidRequest");
        }
    }

    // ---- Drive -----------------------------------------------------------------------------------------------

    private Reply PutContent(string drive, string path, string query, byte[] body)
    {
        if (!query.Contains("@microsoft.graph.conflictBehavior=fail", StringComparison.Ordinal))
        {
            _violations.Add("Upload without conflictBehavior=fail");
        }

        string key = drive + ":" + path;
        if (_files.ContainsKey(key))
        {
            return Error(409, "nameAlreadyExists");
        }

        var file = NewFile(drive, path, body);
        _files[key] = file;
        return new Reply(201, file.ToJson());
    }

    private Reply NewSession(string drive, string path, byte[] body)
    {
        var json = JsonNode.Parse(body);
        if (json?["item"]?["@microsoft.graph.conflictBehavior"]?.GetValue<string>() != "fail")
        {
            _violations.Add("Upload session without conflictBehavior=fail");
        }

        if (_files.ContainsKey(drive + ":" + path))
        {
            return Error(409, "nameAlreadyExists");
        }

        string id = "session-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        _sessions[id] = new UploadSession(drive, path);
        return new Reply(200, new JsonObject
        {
            ["uploadUrl"] = new Uri(Origin, "/upload/" + id).ToString(),
            ["expirationDateTime"] = "2030-01-01T00:00:00Z",
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private Reply Upload(GraphCall call, byte[] body)
    {
        string id = call.Path["/upload/".Length..];
        if (!_sessions.TryGetValue(id, out var session))
        {
            return Error(404, "itemNotFound");
        }

        if (call.Method == "DELETE")
        {
            _sessions.Remove(id);
            return new Reply(204);
        }

        if (call.Method == "GET")
        {
            return new Reply(200, SessionStatus(session));
        }

        var range = ContentRange().Match(call.ContentRange ?? string.Empty);
        if (!range.Success)
        {
            _violations.Add("Chunk without a Content-Range");
            return Error(400, "invalidRange");
        }

        long from = long.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
        long to = long.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
        long total = long.Parse(range.Groups[3].Value, CultureInfo.InvariantCulture);
        if (from != session.Received.Length)
        {
            return Error(416, "invalidRange");
        }

        bool last = to + 1 == total;
        if (!last && body.Length % ChunkUnit != 0)
        {
            _violations.Add($"Chunk of {body.Length} bytes is not a multiple of 320 KiB");
            return Error(400, "invalidRange");
        }

        session.Received.Write(body);
        session.Chunks++;
        if (!last)
        {
            return new Reply(202, SessionStatus(session));
        }

        _sessions.Remove(id);
        string key = session.Drive + ":" + session.Path;
        if (_files.ContainsKey(key))
        {
            return Error(409, "nameAlreadyExists");
        }

        var file = NewFile(session.Drive, session.Path, session.Received.ToArray());
        _files[key] = file;
        return new Reply(201, file.ToJson());
    }

    private static JsonObject SessionStatus(UploadSession session) => new()
    {
        ["expirationDateTime"] = "2030-01-01T00:00:00Z",
        ["nextExpectedRanges"] = new JsonArray(session.Received.Length.ToString(CultureInfo.InvariantCulture) + "-"),
    };

    private FakeDriveFile NewFile(string drive, string path, byte[] content)
    {
        string id = "item-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        return new FakeDriveFile(id, drive, path, content, new Uri(Origin, "/sites/school/" + Uri.EscapeDataString(path)).ToString());
    }

    // ---- Groups ----------------------------------------------------------------------------------------------

    /// <summary>The most members one page of <c>transitiveMembers</c> holds, whatever <c>$top</c> asks (Graph: 999).</summary>
    public int GroupPageSize { get; set; } = 999;

    /// <summary>Sets a group's flattened (transitive) membership, replacing any before; see <see cref="DirectoryUser"/>.</summary>
    public void SetGroupMembers(string groupId, params IEnumerable<JsonObject> members)
    {
        lock (_gate)
        {
            _groups[groupId] = [.. members.Select(m => (JsonObject)m.DeepClone())];
        }
    }

    /// <summary>A user member as Graph returns it; null properties model least privilege (id and type only).</summary>
    public static JsonObject DirectoryUser(string id, string? displayName = null, string? mail = null, string? userPrincipalName = null) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["displayName"] = displayName,
        ["mail"] = mail,
        ["userPrincipalName"] = userPrincipalName,
    };

    /// <summary>A member that is not a user, for example <c>#microsoft.graph.device</c> or <c>#microsoft.graph.group</c>.</summary>
    public static JsonObject DirectoryObject(string odataType, string id) => new() { ["@odata.type"] = odataType, ["id"] = id };

    private Reply TransitiveMembers(string groupId, string query)
    {
        if (!_groups.TryGetValue(groupId, out var members))
        {
            return Error(404, "Request_ResourceNotFound");
        }

        var parameters = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.OrdinalIgnoreCase);
        int top = parameters.TryGetValue("$top", out var t) && int.TryParse(t, CultureInfo.InvariantCulture, out var asked) ? Math.Min(asked, GroupPageSize) : 100;
        int skip = parameters.TryGetValue("$skiptoken", out var token) && int.TryParse(token, CultureInfo.InvariantCulture, out var from) ? from : 0;
        var page = new JsonObject { ["value"] = new JsonArray([.. members.Skip(skip).Take(top).Select(m => (JsonNode?)m.DeepClone())]) };
        if (skip + top < members.Count)
        {
            page["@odata.nextLink"] = new Uri(Origin, FormattableString.Invariant($"/v1.0/groups/{groupId}/transitiveMembers?$top={top}&$skiptoken={skip + top}")).ToString();
        }

        return new Reply(200, page);
    }

    // ---- Lists -----------------------------------------------------------------------------------------------

    private Reply FindListItems(string list, string query)
    {
        var filter = FieldFilter().Match(query);
        var items = _lists.TryGetValue(list, out var found) ? found : [];
        var matching = filter.Success
            ? items.Where(i => i.Fields.TryGetValue(filter.Groups[1].Value, out var v) && v == filter.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal))
            : items;
        return new Reply(200, new JsonObject { ["value"] = new JsonArray(matching.Select(i => (JsonNode?)i.ToJson()).ToArray()) });
    }

    private Reply CreateListItem(string list, byte[] body)
    {
        var fields = ReadFields(JsonNode.Parse(body)?["fields"]);
        string id = Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        var item = new FakeListItem(id, list, fields, new Uri(Origin, $"/lists/{list}/DispForm.aspx?ID={id}").ToString());
        if (!_lists.TryGetValue(list, out var items))
        {
            _lists[list] = items = [];
        }

        items.Add(item);
        return new Reply(201, item.ToJson());
    }

    private Reply PatchListItem(string list, string id, byte[] body)
    {
        var item = _lists.TryGetValue(list, out var items) ? items.FirstOrDefault(i => i.Id == id) : null;
        if (item is null)
        {
            return Error(404, "itemNotFound");
        }

        foreach (var (name, value) in ReadFields(JsonNode.Parse(body)))
        {
            item.Fields[name] = value;
        }

        item.Patches++;
        return new Reply(200, Fields(item.Fields));
    }

    private static Dictionary<string, string> ReadFields(JsonNode? node)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                if (!name.StartsWith('@'))
                {
                    fields[name] = value?.ToString() ?? string.Empty;
                }
            }
        }

        return fields;
    }

    private static JsonObject Fields(Dictionary<string, string> fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
        {
            json[name] = value;
        }

        return json;
    }

    // ---- Mail ------------------------------------------------------------------------------------------------

    private Reply FindMessages(string folder, string query)
    {
        var marker = MarkerFilter().Match(query);
        var found = _messages.Where(m => string.Equals(m.Folder, folder, StringComparison.OrdinalIgnoreCase)
            && marker.Success && m.Marker == marker.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        return new Reply(200, new JsonObject { ["value"] = new JsonArray(found.Select(m => (JsonNode?)m.ToJson()).ToArray()) });
    }

    private Reply CreateDraft(byte[] body)
    {
        var json = JsonNode.Parse(body);
        string? marker = null;
        if (json?["singleValueExtendedProperties"] is JsonArray properties)
        {
            marker = properties.Select(p => p?["value"]?.GetValue<string>()).FirstOrDefault(v => v is not null);
        }

        string id = "msg-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        var message = new FakeMessage(
            id,
            json?["subject"]?.GetValue<string>(),
            json?["toRecipients"]?[0]?["emailAddress"]?["address"]?.GetValue<string>(),
            marker,
            new Uri(Origin, "/owa/" + id).ToString())
        { Folder = "drafts" };
        _messages.Add(message);
        return new Reply(201, message.ToJson());
    }

    private Reply AddAttachment(string id, byte[] body)
    {
        var message = _messages.FirstOrDefault(m => m.Id == id);
        if (message is null)
        {
            return Error(404, "ErrorItemNotFound");
        }

        var json = JsonNode.Parse(body);
        message.Attachments.Add(new FakeAttachment(
            json?["name"]?.GetValue<string>() ?? string.Empty,
            Convert.FromBase64String(json?["contentBytes"]?.GetValue<string>() ?? string.Empty)));
        return new Reply(201, new JsonObject { ["id"] = "att-" + message.Attachments.Count.ToString(CultureInfo.InvariantCulture) });
    }

    private Reply ListAttachments(string id)
    {
        var message = _messages.FirstOrDefault(m => m.Id == id);
        if (message is null)
        {
            return Error(404, "ErrorItemNotFound");
        }

        return new Reply(200, new JsonObject
        {
            ["value"] = new JsonArray(message.Attachments.Select((a, i) => (JsonNode?)new JsonObject { ["id"] = "att-" + (i + 1).ToString(CultureInfo.InvariantCulture), ["name"] = a.Name }).ToArray()),
        });
    }

    private Reply SendDraft(string id)
    {
        var message = _messages.FirstOrDefault(m => m.Id == id);
        if (message is null || message.Folder != "drafts")
        {
            return Error(404, "ErrorItemNotFound");
        }

        message.Folder = "sentitems";
        return new Reply(202);
    }

    private static Reply Error(int status, string code) => new(status, new JsonObject
    {
        ["error"] = new JsonObject { ["code"] = code, ["message"] = "Injected or simulated error." },
    });

    [GeneratedRegex("^/drives/([^/]+)/root:/(.+):/content$")]
    private static partial Regex DriveContent();

    [GeneratedRegex("^/drives/([^/]+)/root:/(.+):/createUploadSession$")]
    private static partial Regex CreateSession();

    [GeneratedRegex("^/drives/([^/]+)/root:/([^:]+)$")]
    private static partial Regex DriveItemByPath();

    [GeneratedRegex("^/sites/([^/]+)/lists/([^/]+)/items$")]
    private static partial Regex ListItems();

    [GeneratedRegex("^/sites/([^/]+)/lists/([^/]+)/items/([^/]+)/fields$")]
    private static partial Regex ListItemFields();

    [GeneratedRegex("^/groups/([^/]+)/transitiveMembers$", RegexOptions.IgnoreCase)]
    private static partial Regex GroupTransitiveMembers();

    [GeneratedRegex("^/users/([^/]+)/mailFolders/([^/]+)/messages$", RegexOptions.IgnoreCase)]
    private static partial Regex FolderMessages();

    [GeneratedRegex("^/users/([^/]+)/messages$")]
    private static partial Regex MessagesPath();

    [GeneratedRegex("^/users/([^/]+)/messages/([^/]+)/attachments$")]
    private static partial Regex Attachments();

    [GeneratedRegex("^/users/([^/]+)/messages/([^/]+)/send$")]
    private static partial Regex Send();

    [GeneratedRegex(@"^bytes (\d+)-(\d+)/(\d+)$")]
    private static partial Regex ContentRange();

    [GeneratedRegex(@"fields/(\w+) eq '((?:[^']|'')*)'")]
    private static partial Regex FieldFilter();

    [GeneratedRegex(@"ep/value eq '((?:[^']|'')*)'")]
    private static partial Regex MarkerFilter();

    private sealed record Reply(int Status, JsonNode? Json = null, byte[]? Bytes = null);

    private sealed class UploadSession(string drive, string path)
    {
        public string Drive { get; } = drive;

        public string Path { get; } = path;

        public MemoryStream Received { get; } = new();

        public int Chunks { get; set; }
    }
}

/// <summary>A file in the stand-in's document library.</summary>
public sealed record FakeDriveFile(string Id, string DriveId, string Path, byte[] Content, string WebUrl)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Path.Split('/')[^1],
        ["size"] = Content.LongLength,
        ["webUrl"] = WebUrl,
        ["file"] = new JsonObject { ["mimeType"] = "application/octet-stream" },
    };
}

/// <summary>An item in one of the stand-in's SharePoint lists.</summary>
public sealed class FakeListItem(string id, string listId, Dictionary<string, string> fields, string webUrl)
{
    public string Id { get; } = id;

    public string ListId { get; } = listId;

    public Dictionary<string, string> Fields { get; } = fields;

    public string WebUrl { get; } = webUrl;

    public int Patches { get; set; }

    public JsonObject ToJson()
    {
        var f = new JsonObject();
        foreach (var (name, value) in Fields)
        {
            f[name] = value;
        }

        return new JsonObject { ["id"] = Id, ["webUrl"] = WebUrl, ["fields"] = f };
    }
}

/// <summary>A message in the stand-in's shared mailbox.</summary>
public sealed class FakeMessage(string id, string? subject, string? to, string? marker, string webLink)
{
    public string Id { get; } = id;

    public string? Subject { get; } = subject;

    public string? To { get; } = to;

    /// <summary>The value of the filing-key extended property.</summary>
    public string? Marker { get; } = marker;

    public string WebLink { get; } = webLink;

    /// <summary><c>drafts</c> or <c>sentitems</c>.</summary>
    public string Folder { get; set; } = "drafts";

    public List<FakeAttachment> Attachments { get; } = [];

    public JsonObject ToJson() => new() { ["id"] = Id, ["webLink"] = WebLink, ["isDraft"] = Folder == "drafts" };
}

public sealed record FakeAttachment(string Name, byte[] Content);
