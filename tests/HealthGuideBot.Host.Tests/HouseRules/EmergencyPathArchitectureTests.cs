using System.Reflection;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Host.Conversations.Emergency;

namespace HealthGuideBot.Host.Tests.HouseRules;

/// <summary>
/// No generated text on emergencies, ever (security.md 89): nothing the emergency conversation is built from, however
/// deep, can be an answer composer, the question answerer or a language-model type. Checked over the constructor
/// graph, so a new dependency that smuggles a composer in fails here.
/// </summary>
public sealed class EmergencyPathArchitectureTests
{
    [Fact]
    [Trait("Security", "H89")]
    public void EmergencyConversation_CannotReachAComposerOrAModel()
    {
        var reached = new HashSet<Type>();
        Walk(typeof(EmergencyConversation), reached);

        Assert.Contains(typeof(Core.Emergencies.EmergencyResponder), reached); // the walk really follows the graph
        Assert.DoesNotContain(reached, t => typeof(IAnswerComposer).IsAssignableFrom(t));
        Assert.DoesNotContain(typeof(QuestionAnswerer), reached);
        Assert.DoesNotContain(reached, t => t.Namespace?.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) == true);
    }

    private static void Walk(Type type, HashSet<Type> reached)
    {
        if (!reached.Add(type) || type.Assembly.GetName().Name?.StartsWith("HealthGuideBot", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                var parameterType = parameter.ParameterType;
                Walk(parameterType.IsGenericType ? parameterType.GetGenericArguments()[0] : parameterType, reached);
            }
        }
    }
}
