using System.Reflection;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Infrastructure.Answering;

namespace HealthGuideBot.Infrastructure.Tests.Answering;

/// <summary>
/// With the Semantic Kernel composer compiled into the same process, the emergency path still cannot reach it: no
/// type in Core's Emergencies namespace, nor any Core type reachable through their constructors' parameters, fields,
/// properties or method signatures, is or mentions an answer composer or anything from Semantic Kernel.
/// </summary>
public sealed class EmergencyPathArchitectureTests
{
    private static readonly Assembly Core = typeof(EmergencyResponder).Assembly;

    [Fact]
    public void EmergencyTypes_CannotReachAComposerOrSemanticKernel()
    {
        var roots = Core.GetTypes().Where(type => type.Namespace == typeof(EmergencyResponder).Namespace).ToArray();
        Assert.Contains(typeof(EmergencyResponder), roots);
        Assert.Contains(typeof(EmergencyRouter), roots);

        var reachable = Reachable(roots);

        Assert.Contains(typeof(EmergencyProcedureCatalog), reachable);
        Assert.DoesNotContain(reachable, IsForbidden);
    }

    [Fact]
    public void Core_DoesNotReferenceSemanticKernel()
    {
        Assert.DoesNotContain(
            Core.GetReferencedAssemblies(),
            reference => reference.Name!.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal)
                || reference.Name.StartsWith("OpenAI", StringComparison.Ordinal)
                || reference.Name.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCheck_WouldCatchAComposer()
    {
        Assert.Contains(Reachable([typeof(QuestionAnswerer)]), IsForbidden);
        Assert.Contains(Reachable([typeof(SemanticKernelAnswerComposer)]), type => type.Namespace?.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) == true);
    }

    private static bool IsForbidden(Type type) =>
        typeof(IAnswerComposer).IsAssignableFrom(type)
        || type == typeof(AnswerEvidence)
        || type == typeof(ComposedAnswer)
        || type.Name.Contains("Composer", StringComparison.Ordinal)
        || (type.Namespace?.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) ?? false)
        || (type.Namespace?.StartsWith("HealthGuideBot.Infrastructure", StringComparison.Ordinal) ?? false);

    /// <summary>Every type the roots mention, followed transitively through types of HealthGuideBot assemblies.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        foreach (var root in pending)
        {
            seen.Add(root);
        }

        while (pending.TryPop(out var type))
        {
            foreach (var candidate in Mentioned(type).SelectMany(Unwrap))
            {
                if (seen.Add(candidate) && candidate.Assembly.GetName().Name?.StartsWith("HealthGuideBot", StringComparison.Ordinal) == true)
                {
                    pending.Push(candidate);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<Type> Mentioned(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return type.GetConstructors(all).SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType)
            .Concat(type.GetFields(all).Select(field => field.FieldType))
            .Concat(type.GetProperties(all).Select(property => property.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(method => method.GetParameters().Select(parameter => parameter.ParameterType).Append(method.ReturnType)))
            .Concat(type.GetNestedTypes(all))
            .Concat(type.GetInterfaces())
            .Concat(type.BaseType is { } baseType ? [baseType] : []);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            return Unwrap(element);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type.GetGenericTypeDefinition()) : [type];
    }
}
