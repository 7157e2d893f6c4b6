using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace HealthGuideBot.Testing;

/// <summary>An <see cref="IHostEnvironment"/> with a chosen name, for options validation and start-up checks.</summary>
public sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;

    public string ApplicationName { get; set; } = "HealthGuideBot.Tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
