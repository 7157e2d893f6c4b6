using System.Text;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Filing.Local;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

public sealed class LocalFolderRecordFilerTests : IDisposable
{
    private readonly string _folder = FilingHarness.NewFolder();
    private readonly LocalFolderRecordFiler _filer;

    public LocalFolderRecordFilerTests() => _filer = new LocalFolderRecordFiler(Path.Combine(_folder, "filed"), FilingHarness.NewClock());

    public void Dispose()
    {
        _filer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Document_IsWrittenIntoItsDestinationFolder_OnceAndAtomically()
    {
        var request = FilingHarness.Document("L1");

        var first = await _filer.FileAsync(request, CancellationToken.None);
        var second = await _filer.FileAsync(request, CancellationToken.None);

        string path = Path.Combine(_folder, "filed", "Healthcare plans", "IHP-L1-v1.docx");
        Assert.Equal(request.Content, await File.ReadAllBytesAsync(path));
        Assert.Equal(new FilingResult.Filed(new Uri(path).AbsoluteUri), first);
        Assert.Equal(first, second);
        Assert.Equal([path], Directory.GetFiles(Path.Combine(_folder, "filed"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Document_NeedsAnAdministrator_WhenADifferentFileHasTheName()
    {
        await _filer.FileAsync(FilingHarness.Document("L2", [1, 1, 1]), CancellationToken.None);

        var result = await _filer.FileAsync(FilingHarness.Document("L2", [2, 2, 2]), CancellationToken.None);

        Assert.IsType<FilingResult.NeedsAdministrator>(result);
        Assert.Equal(new byte[] { 1, 1, 1 }, await File.ReadAllBytesAsync(Path.Combine(_folder, "filed", "Healthcare plans", "IHP-L2-v1.docx")));
    }

    [Fact]
    public async Task Destination_CannotEscapeTheFilingFolder()
    {
        var request = FilingHarness.Document("L3") with { Destination = "../../outside", FileName = "../x.docx" };

        Assert.IsType<FilingResult.Filed>(await _filer.FileAsync(request, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.TopDirectoryOnly));
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "filed"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task RegisterEntry_IsUpsertedByRecord()
    {
        await _filer.FileAsync(FilingHarness.Register("L4", 1, "Draft"), CancellationToken.None);
        await _filer.FileAsync(FilingHarness.Register("L5", 1, "Draft"), CancellationToken.None);
        await _filer.FileAsync(FilingHarness.Register("L4", 2, "Active"), CancellationToken.None);
        await _filer.FileAsync(FilingHarness.Register("L4", 2, "Active"), CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "filed", "Plan register", LocalFolderRecordFiler.RegisterFileName));
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"record\":\"plan:L4\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Active\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"record\":\"plan:L5\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_IsWrittenAsAnEmlWithTheKeyAndAttachment_Once()
    {
        var request = FilingHarness.Email("L6");

        await _filer.FileAsync(request, CancellationToken.None);
        await _filer.FileAsync(request, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "filed", LocalFolderRecordFiler.EmailFolderName)));
        string eml = await File.ReadAllTextAsync(file, Encoding.ASCII);
        Assert.Contains("To: panel@la.example\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("X-HealthGuideBot-Filing-Key: referral:L6:v1:email\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("filename=\"REF-L6.docx\"", eml, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(request.Content!), eml, StringComparison.Ordinal);
    }
}
