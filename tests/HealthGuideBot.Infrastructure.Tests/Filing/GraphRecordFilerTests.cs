using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Testing.Graph;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

/// <summary>The Graph filer against the loopback stand-in, one attempt at a time (security.md §F).</summary>
public sealed class GraphRecordFilerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = FilingHarness.NewClock();
    private FakeGraphServer _graph = null!;
    private GraphRecordFiler _filer = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _filer = FilingHarness.GraphFiler(_graph, _time);
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    [Trait("Security", "F66")]
    public async Task Document_IsUploadedOnceWithConflictFail_AndASecondAttemptReconcilesTheSameBytes()
    {
        var request = FilingHarness.Document("P1");

        var first = await _filer.FileAsync(request, CancellationToken.None);
        var second = await _filer.FileAsync(request, CancellationToken.None);

        var file = Assert.Single(_graph.Files);
        Assert.Equal("HealthGuideBot/Healthcare plans/IHP-P1-v1.docx", file.Path);
        Assert.Equal(request.Content, file.Content);
        Assert.Equal(new FilingResult.Filed(file.WebUrl), first);
        Assert.Equal(new FilingResult.Filed(file.WebUrl), second);
        Assert.Contains(_graph.Calls, c => c.Is("GET", "root:/HealthGuideBot/Healthcare plans/IHP-P1-v1.docx") && !c.Path.EndsWith("/content", StringComparison.Ordinal));
        Assert.Empty(_graph.Violations);
    }

    [Fact]
    [Trait("Security", "F66")]
    public async Task Document_NeedsAnAdministrator_WhenADifferentFileHasTheName()
    {
        var request = FilingHarness.Document("P2");
        _graph.SeedFile(FilingHarness.Drive, "HealthGuideBot/Healthcare plans/IHP-P2-v1.docx", [7, 7, 7, 7, 7]);

        var result = await _filer.FileAsync(request, CancellationToken.None);

        Assert.IsType<FilingResult.NeedsAdministrator>(result);
        Assert.Equal(new byte[] { 7, 7, 7, 7, 7 }, Assert.Single(_graph.Files).Content);
    }

    [Fact]
    [Trait("Security", "F68")]
    public async Task LargeDocument_UsesAnUploadSession_With320KiBChunksAndNoAuthorizationOnChunks()
    {
        var content = Bytes((4 * 1024 * 1024) + 700_000);

        var result = await _filer.FileAsync(FilingHarness.Document("P3", content), CancellationToken.None);

        Assert.IsType<FilingResult.Filed>(result);
        Assert.Equal(content, Assert.Single(_graph.Files).Content);
        var chunks = _graph.Calls.Where(c => c.IsUploadChunk).ToList();
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.False(c.HasAuthorization));
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(0, c.ContentLength % FakeGraphServer.ChunkUnit));
        Assert.DoesNotContain(_graph.Calls, c => c.Is("PUT", ":/content"));
        Assert.Empty(_graph.Violations);
    }

    [Fact]
    [Trait("Security", "F67")]
    public async Task LargeDocument_ResumesFromNextExpectedRanges_WhenAChunkFails()
    {
        var content = Bytes(5 * FakeGraphServer.ChunkUnit * 3);
        int chunk = 0;
        _graph.Inject(c => c.IsUploadChunk && ++chunk == 3, new GraphFault(500, "generalException"));

        var result = await _filer.FileAsync(FilingHarness.Document("P4", content), CancellationToken.None);

        Assert.IsType<FilingResult.Filed>(result);
        Assert.Equal(content, Assert.Single(_graph.Files).Content);
        Assert.Contains(_graph.Calls, c => c.Method == "GET" && c.Path.StartsWith("/upload/", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Security", "F61")]
    public async Task Throttling_IsTransientWithTheServersRetryAfter_AndTheSdkDoesNotRetryByItself()
    {
        _graph.Inject(c => c.Is("PUT", ":/content"), GraphFault.Throttled(400));

        var result = await _filer.FileAsync(FilingHarness.Document("P5"), CancellationToken.None);

        var transient = Assert.IsType<FilingResult.Transient>(result);
        Assert.Equal(TimeSpan.FromSeconds(400), transient.RetryAfter);
        Assert.Single(_graph.Calls, c => c.Is("PUT", ":/content"));
        Assert.Empty(_graph.Files);
    }

    [Fact]
    [Trait("Security", "F62")]
    public async Task Throttling_WithAnHttpDateRetryAfter_IsMeasuredOnTheInjectedClock()
    {
        string at = _time.GetUtcNow().AddSeconds(300).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        _graph.Inject(c => c.Is("PUT", ":/content"), new GraphFault(503, "serviceNotAvailable", at));

        var result = await _filer.FileAsync(FilingHarness.Document("P6"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(300), Assert.IsType<FilingResult.Transient>(result).RetryAfter);
    }

    [Fact]
    [Trait("Security", "F71")]
    public async Task Forbidden_NeedsAnAdministrator()
    {
        _graph.Inject(_ => true, GraphFault.Forbidden());

        var result = await _filer.FileAsync(FilingHarness.Document("P7"), CancellationToken.None);

        Assert.Contains("403", Assert.IsType<FilingResult.NeedsAdministrator>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterEntry_IsCreatedThenUpdatedInPlace_KeyedByRecord()
    {
        var first = await _filer.FileAsync(FilingHarness.Register("P8", 1, "Draft"), CancellationToken.None);
        var second = await _filer.FileAsync(FilingHarness.Register("P8", 2, "Active"), CancellationToken.None);

        var item = Assert.Single(_graph.ListItems(FilingHarness.PlanList));
        Assert.Equal("plan:P8", item.Fields["RecordKey"]);
        Assert.Equal("2", item.Fields["Version"]);
        Assert.Equal("Active", item.Fields["Status"]);
        Assert.Equal(1, item.Patches);
        Assert.Equal(new FilingResult.Filed(item.WebUrl), first);
        Assert.Equal(new FilingResult.Filed(item.WebUrl), second);
    }

    [Fact]
    [Trait("Security", "F63")]
    public async Task RegisterEntry_CreatedDespiteA504_IsFoundNotDuplicated()
    {
        _graph.Inject(c => c.Is("POST", "/items"), GraphFault.GatewayTimeoutButDelivered());

        var first = await _filer.FileAsync(FilingHarness.Register("P9"), CancellationToken.None);
        var second = await _filer.FileAsync(FilingHarness.Register("P9"), CancellationToken.None);

        Assert.IsType<FilingResult.Transient>(first);
        Assert.IsType<FilingResult.Filed>(second);
        Assert.Single(_graph.ListItems(FilingHarness.PlanList));
    }

    [Fact]
    public async Task Email_IsADraftWithTheMarkerAndAttachment_SentOnce()
    {
        var request = FilingHarness.Email("R1");

        var first = await _filer.FileAsync(request, CancellationToken.None);
        var second = await _filer.FileAsync(request, CancellationToken.None);

        var sent = Assert.Single(_graph.Sent);
        Assert.Single(_graph.Messages);
        Assert.Equal(request.Key, sent.Marker);
        Assert.Equal("panel@la.example", sent.To);
        var attachment = Assert.Single(sent.Attachments);
        Assert.Equal(request.FileName, attachment.Name);
        Assert.Equal(request.Content, attachment.Content);
        Assert.Equal(new FilingResult.Filed(sent.WebLink), first);
        Assert.Equal(new FilingResult.Filed(sent.WebLink), second);
        Assert.Single(_graph.Calls, c => c.Is("POST", "/send"));
    }

    [Fact]
    [Trait("Security", "F64")]
    public async Task Email_SentDespiteA504_IsReconciledFromSentItems_NeverResent()
    {
        _graph.Inject(c => c.Is("POST", "/send"), GraphFault.GatewayTimeoutButDelivered());
        var request = FilingHarness.Email("R2");

        var first = await _filer.FileAsync(request, CancellationToken.None);
        var second = await _filer.FileAsync(request, CancellationToken.None);

        var transient = Assert.IsType<FilingResult.Transient>(first);
        Assert.True(transient.RetryAfter >= TimeSpan.FromMinutes(2), "an ambiguous send waits for the mailbox to settle");
        Assert.IsType<FilingResult.Filed>(second);
        Assert.Single(_graph.Sent);
        Assert.Single(_graph.Calls, c => c.Is("POST", "/send"));
    }

    [Fact]
    [Trait("Security", "F63")]
    public async Task Email_DraftCreatedDespiteA504_IsReusedNotDuplicated()
    {
        _graph.Inject(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal), GraphFault.GatewayTimeoutButDelivered());
        var request = FilingHarness.Email("R3");

        var first = await _filer.FileAsync(request, CancellationToken.None);
        var second = await _filer.FileAsync(request, CancellationToken.None);

        Assert.IsType<FilingResult.Transient>(first);
        Assert.IsType<FilingResult.Filed>(second);
        var only = Assert.Single(_graph.Messages);
        Assert.Equal("sentitems", only.Folder);
        Assert.Single(only.Attachments);
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + (i >> 9));
        }

        return bytes;
    }
}
