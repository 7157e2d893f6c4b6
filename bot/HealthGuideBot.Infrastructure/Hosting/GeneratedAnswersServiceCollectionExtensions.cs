using System.Runtime.CompilerServices;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Infrastructure.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers the optional generated-answer composer.</summary>
public static class GeneratedAnswersServiceCollectionExtensions
{
    /// <summary>The key of the chat service the composer uses, so it never collides with another registration.</summary>
    public const string ChatServiceKey = "HealthGuideBot.GeneratedAnswers";

    /// <summary>
    /// When <c>HealthGuideBot:GeneratedAnswers:Enabled</c> is true: validates the section at start-up (endpoint, model or
    /// deployment, and key required) and makes the Semantic Kernel composer the <see cref="IAnswerComposer"/>, whether
    /// this is called before or after the knowledge registrations. Otherwise registers nothing, and questions keep the
    /// extractive composer. Needs an <see cref="IKnowledgeSearch"/> (the knowledge registrations add it).
    /// </summary>
    public static IServiceCollection AddGeneratedAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GeneratedAnswersOptions.Section);
        if (!section.GetValue<bool>(nameof(GeneratedAnswersOptions.Enabled)))
        {
            return services;
        }

        return AddGeneratedAnswerComposer(services, section);
    }

    /// <summary>
    /// Kept out of <see cref="AddGeneratedAnswers"/> and never inlined, so that compiling that method does not load
    /// Semantic Kernel: a bot without generated answers never maps it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddGeneratedAnswerComposer(IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<GeneratedAnswersOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeneratedAnswersOptions>, GeneratedAnswersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExtractiveAnswerComposer>();
        services.TryAddSingleton(provider => new AnswerRequestBudget(
            provider.GetRequiredService<IOptions<GeneratedAnswersOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton<IChatCompletionService>(
            ChatServiceKey,
            (provider, _) => ChatCompletionServiceFactory.Create(provider.GetRequiredService<IOptions<GeneratedAnswersOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IAnswerComposer>(provider => new SemanticKernelAnswerComposer(
            provider.GetRequiredKeyedService<IChatCompletionService>(ChatServiceKey),
            provider.GetRequiredService<IKnowledgeSearch>(),
            provider.GetRequiredService<ExtractiveAnswerComposer>(),
            provider.GetRequiredService<AnswerRequestBudget>(),
            provider.GetRequiredService<IOptions<GeneratedAnswersOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SemanticKernelAnswerComposer>>())));
        return services;
    }
}
