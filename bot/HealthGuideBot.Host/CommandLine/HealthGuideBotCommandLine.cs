using System.CommandLine;
using System.Text.Json;
using HealthGuideBot.Host.Hosting;
using HealthGuideBot.Infrastructure.Hosting;
using HealthGuideBot.Knowledge.Hosting;

namespace HealthGuideBot.Host.CommandLine;

/// <summary>
/// The host's commands besides serving Teams: <c>ask</c> (answer questions as the bot would, as JSON) and
/// <c>index</c> (rebuild the knowledge index). They use the same configuration and services as the bot.
/// </summary>
internal static class HealthGuideBotCommandLine
{
    public static bool IsCommand(string[] args) => args is ["ask" or "index" or "report" or "attendance", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object for the question." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read questions from standard input, one a line, and print one JSON object a line." };
        var question = new Argument<string?>("question") { Description = "The question, as a member of staff would type it.", Arity = ArgumentArity.ZeroOrOne };
        var ask = new Command("ask", "Answer a question the way the bot would in Teams.") { json, jsonl, question };
        ask.SetAction((result, cancellationToken) => AskAsync(result.GetValue(question), result.GetValue(jsonl), cancellationToken));

        var folder = new Argument<string?>("folder") { Description = "The folder of documents (default: HealthGuideBot:Knowledge:Folder, else the sample knowledge).", Arity = ArgumentArity.ZeroOrOne };
        var index = new Command("index", "Rebuild the knowledge index from a folder of Markdown, Word and PDF documents.") { folder };
        index.SetAction((result, cancellationToken) => IndexAsync(result.GetValue(folder), cancellationToken));

        var days = new Option<int>("--days") { Description = "How many days back to report.", DefaultValueFactory = _ => 30 };
        var report = new Command("report", "The content owner's report: unhelpful answers and questions the bot could not answer (redacted).") { days };
        report.SetAction((result, cancellationToken) => ReportAsync(result.GetValue(days), cancellationToken));

        var csv = new Argument<string>("file") { Description = "The CSV file: header pupil_id,date,session,code; dates dd/mm/yyyy or yyyy-mm-dd; session AM, PM or DAY." };
        var import = new Command("import", "Import health-related absence from a CSV file (all rows or none; importing again changes nothing), then prompt the SENCOs.") { csv };
        import.SetAction((result, cancellationToken) => ImportAttendanceAsync(result.GetValue(csv)!, cancellationToken));
        var attendance = new Command("attendance", "Health-related absence.") { import };

        var root = new RootCommand("HealthGuideBot: run with no command to serve Teams on /api/messages.") { ask, index, report, attendance };
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> AskAsync(string? question, bool fromStandardInput, CancellationToken cancellationToken)
    {
        if (!fromStandardInput && string.IsNullOrWhiteSpace(question))
        {
            await Console.Error.WriteLineAsync("Give a question, e.g. ask --json \"what do I do in an asthma attack?\", or use --jsonl with questions on standard input.");
            return 2;
        }

        using var host = Build(knowledgeFolder: null);
        await host.StartAsync(cancellationToken);
        var asker = host.Services.GetRequiredService<Asker>();
        if (!fromStandardInput)
        {
            await WriteAsync(await asker.AskAsync(question!, cancellationToken), cancellationToken); // checked above: not empty
        }
        else
        {
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    await WriteAsync(await asker.AskAsync(line, cancellationToken), cancellationToken);
                }
            }
        }

        await host.StopAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> IndexAsync(string? folder, CancellationToken cancellationToken)
    {
        using var host = Build(folder);
        var knowledge = host.Services.GetRequiredService<KnowledgeBase>();
        await Console.Error.WriteLineAsync($"Indexing {knowledge.Folder}");
        var view = new IndexProgressView(Console.Error, IndexProgressView.IsTerminal(), TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();
        var built = await knowledge.RebuildAsync(view, cancellationToken);
        view.Complete(built, knowledge.IndexFolder, TimeProvider.System.GetElapsedTime(started));
        await Console.Error.WriteLineAsync("Done. A running bot switches to the new index within 30 seconds.");
        return 0;
    }

    private static async Task<int> ReportAsync(int days, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddHealthGuideStorage(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(cancellationToken); // applies migrations, so a new database reports nothing rather than failing
        var since = TimeProvider.System.GetUtcNow().AddDays(-Math.Max(1, days));
        using var scope = host.Services.CreateScope();
        var feedback = await scope.ServiceProvider.GetRequiredService<Core.Feedback.IAnswerFeedbackStore>().ListSinceAsync(since, 10_000, cancellationToken);
        await Console.Out.WriteAsync(FeedbackReport.Render(feedback, since).AsMemory(), cancellationToken);
        await host.StopAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> ImportAttendanceAsync(string path, CancellationToken cancellationToken)
    {
        // The bot's own services (not started: no server), so prompts go out exactly as the running bot would send them.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.AddHealthGuideBot();
        await using var app = builder.Build();
        await HealthGuideDatabase.MigrateAsync(app.Services, cancellationToken);
        return await AttendanceImportCommand.RunAsync(app.Services, path, Console.Out, Console.Error, cancellationToken);
    }

    private static IHost Build(string? knowledgeFolder)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        if (knowledgeFolder is not null)
        {
            builder.Configuration[$"{KnowledgeOptions.Section}:Folder"] = Path.GetFullPath(knowledgeFolder);
        }

        builder.Services.AddOptions<HealthGuideBotOptions>().BindConfiguration(HealthGuideBotOptions.Section);
        builder.AddHealthGuideBotKnowledge();
        builder.Services.AddSingleton<Asker>();
        return builder.Build();
    }

    private static async Task WriteAsync(AskResult result, CancellationToken cancellationToken)
    {
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, CommandLineJsonContext.Default.AskResult).AsMemory(), cancellationToken);
        await Console.Out.FlushAsync(cancellationToken);
    }
}
