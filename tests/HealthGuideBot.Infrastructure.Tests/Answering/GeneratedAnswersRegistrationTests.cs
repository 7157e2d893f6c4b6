using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Infrastructure.Answering;
using HealthGuideBot.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace HealthGuideBot.Infrastructure.Tests.Answering;

public sealed class GeneratedAnswersRegistrationTests
{
    private const string Key = "sk-canary-secret-0123456789";

    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["HealthGuideBot:GeneratedAnswers:Enabled"] = "true",
        ["HealthGuideBot:GeneratedAnswers:Provider"] = "OpenAI",
        ["HealthGuideBot:GeneratedAnswers:Endpoint"] = "https://llm.school.example/v1/",
        ["HealthGuideBot:GeneratedAnswers:Model"] = "gpt-test",
        ["HealthGuideBot:GeneratedAnswers:ApiKey"] = Key,
    };

    [Fact]
    public void Defaults_AreOff_WithTheDocumentedLimits()
    {
        var options = new GeneratedAnswersOptions();

        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(8), options.Timeout);
        Assert.Equal((10, TimeSpan.FromMinutes(10)), (options.UserRequests, options.UserPeriod));
        Assert.Equal((200, TimeSpan.FromHours(1)), (options.GlobalRequests, options.GlobalPeriod));
        Assert.Equal("HealthGuideBot:GeneratedAnswers", GeneratedAnswersOptions.Section);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void Disabled_RegistersNothing(string? enabled)
    {
        var services = new ServiceCollection();
        services.TryAddSingleton<IAnswerComposer, ExtractiveAnswerComposer>();
        var before = services.Select(descriptor => (descriptor.ServiceType, descriptor.ImplementationType)).ToArray();
        var settings = new Dictionary<string, string?>(Complete) { ["HealthGuideBot:GeneratedAnswers:Enabled"] = enabled };

        services.AddGeneratedAnswers(Configuration(settings));

        Assert.Equal(before, services.Select(descriptor => (descriptor.ServiceType, descriptor.ImplementationType)));
        Assert.IsType<ExtractiveAnswerComposer>(services.BuildServiceProvider().GetRequiredService<IAnswerComposer>());
    }

    [Theory]
    [InlineData("Endpoint", null, "Endpoint is required")]
    [InlineData("Endpoint", "http://llm.school.example/", "Endpoint must be https")]
    [InlineData("ApiKey", null, "ApiKey is required")]
    [InlineData("ApiKey", "  ", "ApiKey is required")]
    [InlineData("Model", null, "Model is required")]
    [InlineData("Timeout", "00:01:00", "Timeout must be")]
    public void Enabled_WithIncompleteSettings_IsRefusedAtStartUp(string setting, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(Complete) { [$"HealthGuideBot:GeneratedAnswers:{setting}"] = value };
        using var provider = Provider(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GeneratedAnswersOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureOpenAI_NeedsADeployment_AndUsesTheV1Endpoint()
    {
        var validator = new GeneratedAnswersOptionsValidator();
        var azure = new GeneratedAnswersOptions
        {
            Enabled = true,
            Provider = GeneratedAnswersProvider.AzureOpenAI,
            Endpoint = new Uri("https://school.openai.azure.com"),
            ApiKey = Key,
        };

        Assert.True(validator.Validate(null, azure).Failed);
        azure.Deployment = "answers";
        Assert.True(validator.Validate(null, azure).Succeeded);
        Assert.Equal("answers", azure.EffectiveModel);
        Assert.Equal(new Uri("https://school.openai.azure.com/openai/v1/"), ChatCompletionServiceFactory.EndpointFor(azure));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Enabled_MakesTheSemanticKernelComposerTheComposer_WhicheverOrderTheRegistrationsRun(bool knowledgeFirst)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IKnowledgeSearch>(new TestKnowledge());
        if (knowledgeFirst)
        {
            services.TryAddSingleton<IAnswerComposer, ExtractiveAnswerComposer>();
        }

        services.AddGeneratedAnswers(Configuration(Complete));
        if (!knowledgeFirst)
        {
            services.TryAddSingleton<IAnswerComposer, ExtractiveAnswerComposer>();
        }

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<SemanticKernelAnswerComposer>(provider.GetRequiredService<IAnswerComposer>());
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(IAnswerComposer));
        var chat = provider.GetRequiredKeyedService<IChatCompletionService>(GeneratedAnswersServiceCollectionExtensions.ChatServiceKey);
        Assert.Equal("gpt-test", chat.Attributes[AIServiceExtensions.ModelIdKey]);
        Assert.Null(provider.GetService<Kernel>());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddGeneratedAnswers(Configuration(settings));
        return services.BuildServiceProvider();
    }
}
