using HealthGuideBot.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHealthGuideBot();

var app = builder.Build();
app.MapHealthGuideBot();
app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the host tests.</summary>
public partial class Program;
