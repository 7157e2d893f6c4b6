using System.Reflection;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Questions;

namespace HealthGuideBot.Knowledge.Tests.Architecture;

/// <summary>
/// The emergency path cannot reach an answer composer (and so no language model): not through EmergencyResponder's
/// constructors, and not through anything those depend on, followed through constructor parameters and fields.
/// </summary>
public sealed class EmergencyPathArchitectureTests
{
    [Fact]
    public void EmergencyResponder_CannotReachAnAnswerComposer()
    {
        var reachable = ReachableTypes(typeof(EmergencyResponder));

        Assert.Contains(typeof(EmergencyProcedureCatalog), reachable);
        Assert.Contains(typeof(SchoolProfile), reachable);
        Assert.DoesNotContain(reachable, IsComposer);
    }

    [Fact]
    public void EmergencyRouter_CannotReachAnAnswerComposer()
    {
        Assert.DoesNotContain(ReachableTypes(typeof(EmergencyRouter)), IsComposer);
    }

    [Fact]
    public void TheCheck_WouldCatchAComposer()
    {
        Assert.Contains(ReachableTypes(typeof(QuestionAnswerer)), IsComposer);
    }

    private static bool IsComposer(Type type) =>
        typeof(IAnswerComposer).IsAssignableFrom(type)
        || (type.Namespace?.Contains("Composer", StringComparison.Ordinal) ?? false)
        || type.Name.Contains("Composer", StringComparison.Ordinal);

    /// <summary>Types reachable from <paramref name="root"/> through constructor parameters and fields, transitively.</summary>
    private static HashSet<Type> ReachableTypes(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            foreach (var candidate in Expand(type))
            {
                if (seen.Add(candidate) && candidate.Assembly.GetName().Name?.StartsWith("HealthGuideBot", StringComparison.Ordinal) == true)
                {
                    pending.Push(candidate);
                }
            }
        }

        return seen;

        static IEnumerable<Type> Expand(Type type)
        {
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
            var direct = type.GetConstructors(all).SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType)
                .Concat(type.GetFields(all).Select(field => field.FieldType))
                .Concat(type.GetNestedTypes(all));
            return direct.SelectMany(Unwrap);
        }

        static IEnumerable<Type> Unwrap(Type type)
        {
            if (type.HasElementType && type.GetElementType() is { } element)
            {
                return Unwrap(element);
            }

            return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type) : [type];
        }
    }
}
