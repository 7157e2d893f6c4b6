using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Identity;
using HealthGuideBot.Core.Filing;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>
/// Files through Microsoft Graph, app-only, every operation idempotent or reconciled:
/// <list type="bullet">
/// <item>Document: upload to <c>{RootFolder}/{Destination}/{FileName}</c> in the library with
/// <c>conflictBehavior=fail</c>; a 409 is reconciled by comparing the file there (same bytes → Filed, else an
/// administrator decides). Above the simple-upload limit, a resumable upload session with chunks that are multiples
/// of 320 KiB, sent without an Authorization header (the upload URL is pre-authenticated).</item>
/// <item>RegisterEntry: find the list item by the key column, then PATCH its fields or POST a new item.</item>
/// <item>Email: from the one shared mailbox, a draft marked with the filing key (a single-value extended property),
/// the document attached, then sent. Before creating anything the marker is looked for in Sent Items (already sent →
/// Filed) and Drafts (reuse the draft), so an ambiguous 504 on send is reconciled, never blindly re-sent.</item>
/// </list>
/// 429 and 503 are transient with the server's Retry-After; 403 needs an administrator. The Graph SDK's retry
/// handler is not in the pipeline (see <see cref="GraphFilingClient"/>): the outbox's durable policy decides.
/// </summary>
internal sealed class GraphRecordFiler : IRecordFiler
{
    /// <summary>Upload session byte ranges must be multiples of this.</summary>
    public const int UploadChunkUnit = 320 * 1024;

    /// <summary>Graph caps one attachment POST at 3 MB; larger ones need an attachment upload session.</summary>
    public const int MaxInlineAttachmentBytes = 3 * 1024 * 1024;

    /// <summary>The MAPI named property that carries the filing key on drafts and sent mail.</summary>
    public const string MarkerPropertyId = "String {b80511b5-d2e9-40bd-ac92-4ba97b8c864d} Name HealthGuideBotFilingKey";

    private const int MaxChunkResumes = 3;

    private readonly GraphServiceClient _graph;
    private readonly HttpClient _uploads;
    private readonly GraphFilingOptions _options;
    private readonly TimeProvider _time;

    /// <param name="uploads">A plain client with no authentication handler, for upload-session chunk PUTs.</param>
    public GraphRecordFiler(GraphServiceClient graph, HttpClient uploads, GraphFilingOptions options, TimeProvider time)
    {
        _graph = graph;
        _uploads = uploads;
        _options = options;
        _time = time;
    }

    public async Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return request.Target switch
            {
                FilingTarget.Document => await FileDocumentAsync(request, cancellationToken),
                FilingTarget.RegisterEntry => await UpsertListItemAsync(request, cancellationToken),
                FilingTarget.Email => await SendMailAsync(request, cancellationToken),
                _ => new FilingResult.NeedsAdministrator($"unknown filing target {request.Target}"),
            };
        }
        catch (Exception ex) when (IsGraphFailure(ex, cancellationToken))
        {
            return GraphFailure.Classify(ex, _time);
        }
    }

    private static bool IsGraphFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is ApiException or HttpRequestException or AuthenticationFailedException or CredentialUnavailableException or TimeoutException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    // ---- Documents -------------------------------------------------------------------------------------------

    private async Task<FilingResult> FileDocumentAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        if (request.Content is not { } content || string.IsNullOrWhiteSpace(request.FileName))
        {
            return new FilingResult.NeedsAdministrator("a document request needs a file name and content");
        }

        string itemUrl = $"{BaseUrl}/drives/{Uri.EscapeDataString(_options.DriveId!)}/root:/{ItemPath(request)}"; // DriveId is validated at start-up.
        if (content.Length <= _options.SimpleUploadLimitBytes)
        {
            try
            {
                using var body = new MemoryStream(content, writable: false);
                var item = await Root.Content.WithUrl($"{itemUrl}:/content?@microsoft.graph.conflictBehavior=fail")
                    .PutAsync(body, cancellationToken: cancellationToken);
                return new FilingResult.Filed(item?.WebUrl);
            }
            catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.Conflict)
            {
                return await ReconcileDocumentAsync(itemUrl, content, cancellationToken);
            }
        }

        return await UploadInSessionAsync(itemUrl, content, cancellationToken);
    }

    private Microsoft.Graph.Drives.Item.Items.Item.DriveItemItemRequestBuilder Root => _graph.Drives[_options.DriveId].Items["root"];

    /// <summary>A file with our deterministic name is there already: ours (same bytes) or somebody else's.</summary>
    private async Task<FilingResult> ReconcileDocumentAsync(string itemUrl, byte[] content, CancellationToken cancellationToken)
    {
        var existing = await Root.WithUrl(itemUrl).GetAsync(cancellationToken: cancellationToken);
        if (existing?.Size is not long size || size != content.Length)
        {
            return new FilingResult.NeedsAdministrator("HTTP 409 nameAlreadyExists: a different file with the same name is in the library");
        }

        await using var stream = await Root.Content.WithUrl($"{itemUrl}:/content").GetAsync(cancellationToken: cancellationToken);
        if (stream is null)
        {
            return new FilingResult.Transient("the existing file could not be read for comparison", null);
        }

        byte[] there = await SHA256.HashDataAsync(stream, cancellationToken);
        return there.AsSpan().SequenceEqual(SHA256.HashData(content))
            ? new FilingResult.Filed(existing.WebUrl)
            : new FilingResult.NeedsAdministrator("HTTP 409 nameAlreadyExists: a different file with the same name is in the library");
    }

    private async Task<FilingResult> UploadInSessionAsync(string itemUrl, byte[] content, CancellationToken cancellationToken)
    {
        UploadSession? session;
        try
        {
            session = await Root.CreateUploadSession.WithUrl($"{itemUrl}:/createUploadSession").PostAsync(
                new CreateUploadSessionPostRequestBody
                {
                    Item = new DriveItemUploadableProperties
                    {
                        AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "fail" },
                    },
                },
                cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            return await ReconcileDocumentAsync(itemUrl, content, cancellationToken);
        }

        if (session?.UploadUrl is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl))
        {
            return new FilingResult.Transient("no upload URL in the upload session", null);
        }

        long offset = 0;
        int resumes = 0;
        while (true)
        {
            int length = (int)Math.Min(_options.UploadChunkBytes, content.Length - offset);
            using var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl)
            {
                Content = new ByteArrayContent(content, (int)offset, length),
            };
            put.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + length - 1, content.Length);

            HttpResponseMessage response;
            try
            {
                response = await _uploads.SendAsync(put, cancellationToken);
            }
            catch (Exception ex) when ((ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)) && resumes < MaxChunkResumes)
            {
                resumes++;
                if (await NextExpectedOffsetAsync(uploadUrl, cancellationToken) is not long resumeAt)
                {
                    return new FilingResult.Transient("upload session interrupted", null);
                }

                offset = resumeAt;
                continue;
            }

            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK or HttpStatusCode.Created:
                        return new FilingResult.Filed(await WebUrlAsync(response, cancellationToken));
                    case HttpStatusCode.Accepted:
                        offset = await NextExpectedFromBodyAsync(response, cancellationToken) ?? offset + length;
                        continue;
                    case HttpStatusCode.Conflict:
                        return await ReconcileDocumentAsync(itemUrl, content, cancellationToken);
                    case HttpStatusCode.NotFound:
                        return new FilingResult.Transient("HTTP 404 on upload: the session expired; starting over next time", null);
                    case HttpStatusCode.RequestedRangeNotSatisfiable when resumes < MaxChunkResumes:
                    case >= HttpStatusCode.InternalServerError and not HttpStatusCode.ServiceUnavailable when resumes < MaxChunkResumes:
                        resumes++;
                        if (await NextExpectedOffsetAsync(uploadUrl, cancellationToken) is not long resumeAt)
                        {
                            return new FilingResult.Transient($"HTTP {(int)response.StatusCode} on upload", null);
                        }

                        offset = resumeAt;
                        continue;
                    case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                        await CancelSessionAsync(uploadUrl);
                        return new FilingResult.Transient($"HTTP {(int)response.StatusCode} on upload", RetryAfter(response));
                    case >= HttpStatusCode.InternalServerError:
                        await CancelSessionAsync(uploadUrl);
                        return new FilingResult.Transient($"HTTP {(int)response.StatusCode} on upload", RetryAfter(response));
                    default:
                        await CancelSessionAsync(uploadUrl);
                        return GraphFailure.Classify(new ApiException { ResponseStatusCode = (int)response.StatusCode }, _time);
                }
            }
        }
    }

    /// <summary>Reads <c>nextExpectedRanges</c> from the session (GET on the upload URL, no Authorization).</summary>
    private async Task<long?> NextExpectedOffsetAsync(Uri uploadUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _uploads.GetAsync(uploadUrl, cancellationToken);
            return response.IsSuccessStatusCode ? await NextExpectedFromBodyAsync(response, cancellationToken) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<long?> NextExpectedFromBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("nextExpectedRanges", out var ranges)
                && ranges.ValueKind == JsonValueKind.Array && ranges.GetArrayLength() > 0
                && ranges[0].GetString() is { } first
                && long.TryParse(first.AsSpan(0, first.IndexOf('-') is int dash and >= 0 ? dash : first.Length), out long start))
            {
                return start;
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static async Task<string?> WebUrlAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return json.RootElement.TryGetProperty("webUrl", out var web) ? web.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task CancelSessionAsync(Uri uploadUrl)
    {
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time);
            using var response = await _uploads.DeleteAsync(uploadUrl, bound.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The session expires by itself.
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private string ItemPath(FilingRequest request)
    {
        var segments = _options.RootFolder.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(request.Destination)
            .Append(request.FileName!); // Checked by the caller.
        return string.Join('/', segments.Select(s => Uri.EscapeDataString(Local.LocalFolderRecordFiler.SafeName(s))));
    }

    private string BaseUrl => _graph.RequestAdapter.BaseUrl!.TrimEnd('/'); // Set from the options when the client is built.

    // ---- Register entries ------------------------------------------------------------------------------------

    private async Task<FilingResult> UpsertListItemAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        if (!_options.Lists.TryGetValue(request.Destination, out var listId) || string.IsNullOrWhiteSpace(listId))
        {
            return new FilingResult.NeedsAdministrator($"no SharePoint list is configured for the register '{request.Destination}' (HealthGuideBot:Filing:Graph:Lists)");
        }

        string recordKey = Local.LocalFolderRecordFiler.RecordKey(request);
        var list = _graph.Sites[_options.SiteId].Lists[listId];
        var found = await list.Items.GetAsync(
            config =>
            {
                config.QueryParameters.Filter = $"fields/{_options.KeyColumn} eq '{ODataString(recordKey)}'";
                config.QueryParameters.Expand = ["fields"];
                config.QueryParameters.Top = 2;
                config.Headers.Add("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly");
            },
            cancellationToken);

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Fields ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        fields[_options.KeyColumn] = recordKey;
        if (found?.Value?.FirstOrDefault(i => i.Id is not null) is { } existing)
        {
            await list.Items[existing.Id].Fields.PatchAsync(new FieldValueSet { AdditionalData = fields }, cancellationToken: cancellationToken);
            return new FilingResult.Filed(existing.WebUrl);
        }

        var created = await list.Items.PostAsync(new ListItem { Fields = new FieldValueSet { AdditionalData = fields } }, cancellationToken: cancellationToken);
        return new FilingResult.Filed(created?.WebUrl);
    }

    // ---- Email -----------------------------------------------------------------------------------------------

    private async Task<FilingResult> SendMailAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Mailbox))
        {
            return new FilingResult.NeedsAdministrator("no shared mailbox is configured (HealthGuideBot:Filing:Graph:Mailbox)");
        }

        if (string.IsNullOrWhiteSpace(request.MailTo))
        {
            return new FilingResult.NeedsAdministrator("an email request has no recipient");
        }

        if (request.Content is { Length: > MaxInlineAttachmentBytes })
        {
            return new FilingResult.NeedsAdministrator("the attachment is over 3 MB, which needs an attachment upload session (not supported)");
        }

        var mailbox = _graph.Users[_options.Mailbox];
        string filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkerPropertyId}' and ep/value eq '{ODataString(request.Key)}')";
        var sent = await mailbox.MailFolders["sentitems"].Messages.GetAsync(
            config =>
            {
                config.QueryParameters.Filter = filter;
                config.QueryParameters.Select = ["id", "webLink"];
                config.QueryParameters.Top = 1;
            },
            cancellationToken);
        if (sent?.Value?.FirstOrDefault() is { } alreadySent)
        {
            return new FilingResult.Filed(alreadySent.WebLink);
        }

        var drafts = await mailbox.MailFolders["drafts"].Messages.GetAsync(
            config =>
            {
                config.QueryParameters.Filter = filter;
                config.QueryParameters.Select = ["id", "webLink"];
                config.QueryParameters.Top = 1;
            },
            cancellationToken);
        var draft = drafts?.Value?.FirstOrDefault() ?? await mailbox.Messages.PostAsync(
            new Message
            {
                Subject = request.MailSubject,
                Body = new ItemBody { ContentType = BodyType.Text, Content = request.MailBody ?? string.Empty },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = request.MailTo } }],
                SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkerPropertyId, Value = request.Key }],
            },
            cancellationToken: cancellationToken);
        if (draft?.Id is not { } draftId)
        {
            return new FilingResult.Transient("the draft was not created", null);
        }

        if (request.Content is { } content)
        {
            string name = request.FileName ?? "document";
            var attachments = await mailbox.Messages[draftId].Attachments.GetAsync(config => config.QueryParameters.Select = ["id", "name"], cancellationToken);
            if (attachments?.Value?.Any(a => a.Name == name) != true)
            {
                await mailbox.Messages[draftId].Attachments.PostAsync(
                    new FileAttachment
                    {
                        OdataType = "#microsoft.graph.fileAttachment",
                        Name = name,
                        ContentType = request.ContentType ?? "application/octet-stream",
                        ContentBytes = content,
                    },
                    cancellationToken: cancellationToken);
            }
        }

        try
        {
            await mailbox.Messages[draftId].Send.PostAsync(cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (IsAmbiguous(ex, cancellationToken))
        {
            // It may have gone: never send again blindly. Wait for the mailbox to settle, then the next attempt
            // looks in Sent Items before anything else.
            var retryAfter = ex is ApiException api ? GraphFailure.RetryAfter(api, _time) : null;
            var settle = retryAfter is { } ra && ra > _options.AmbiguousSendSettle ? ra : _options.AmbiguousSendSettle;
            string status = GraphFailure.Status(ex) is int code ? $"HTTP {code}" : "timeout";
            return new FilingResult.Transient($"{status} on send: outcome unknown, Sent Items will be checked", settle);
        }

        return new FilingResult.Filed(draft.WebLink);
    }

    private static bool IsAmbiguous(Exception ex, CancellationToken cancellationToken) =>
        ex is ApiException { ResponseStatusCode: 500 or 502 or 504 } or HttpRequestException or TimeoutException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string ODataString(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
