using HealthGuideBot.Host.CommandLine;
using HealthGuideBot.Host.Hosting;

if (HealthGuideBotCommandLine.IsCommand(args))
{
    return await HealthGuideBotCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddHealthGuideBot();

var app = builder.Build();
app.MapHealthGuideBot();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the host tests.</summary>
public partial class Program;
