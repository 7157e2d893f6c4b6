using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Finds the context's migrations and model snapshot as EF Core does (classes deriving from <see cref="Migration"/> or
/// <see cref="ModelSnapshot"/> with <c>[DbContext]</c> naming this context, ordered by <c>[Migration]</c> id), but picks
/// the candidates from the assembly's metadata and loads only those types.
/// </summary>
/// <remarks>
/// EF Core's default loads every type of the migrations assembly to find them. This assembly also holds the Microsoft
/// Graph filer and the Semantic Kernel composer, so that scan mapped Microsoft.Graph (a 40 MB file), Kiota, Azure.Core
/// and Semantic Kernel into every bot, configured or not: about 8 MB of resident memory at start. When the metadata
/// cannot be read (no file on disk, e.g. a single-file bundle), every type is scanned as EF Core does.
/// </remarks>
internal sealed class MetadataMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private readonly Type _contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _modelSnapshot;
    private bool _modelSnapshotFound;

    public Assembly Assembly => _contextType.Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_modelSnapshotFound)
            {
                var snapshotType = Candidates(typeof(ModelSnapshot)).FirstOrDefault(BelongsToContext);
                _modelSnapshot = snapshotType is null ? null : (ModelSnapshot)Activator.CreateInstance(snapshotType)!;
                _modelSnapshotFound = true;
            }

            return _modelSnapshot;
        }
    }

    public string? FindMigrationId(string nameOrId)
    {
        bool isId = idGenerator.IsValidId(nameOrId);
        return Migrations.Keys.FirstOrDefault(id => string.Equals(isId ? id : idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));
    }

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var result = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in Candidates(typeof(Migration)).Where(BelongsToContext))
        {
            if (type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                result.Add(id, type.GetTypeInfo());
            }
        }

        return result;
    }

    private bool BelongsToContext(Type type) => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType;

    /// <summary>Concrete classes of the assembly deriving from <paramref name="baseType"/>.</summary>
    private IEnumerable<Type> Candidates(Type baseType)
    {
        var names = CandidateNames(baseType);
        var types = names is null
            ? Assembly.GetTypes()
            : names.Select(name => Assembly.GetType(name, throwOnError: false)).OfType<Type>();
        return types.Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && type.IsSubclassOf(baseType));
    }

    /// <summary>
    /// Names of the top-level types whose base type is named like <paramref name="baseType"/> (directly: EF Core's
    /// generated classes derive from it directly), or null when the metadata cannot be read.
    /// </summary>
    private List<string>? CandidateNames(Type baseType)
    {
        if (string.IsNullOrEmpty(Assembly.Location) || !File.Exists(Assembly.Location))
        {
            return null;
        }

        using var stream = File.OpenRead(Assembly.Location);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return null;
        }

        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var definition = reader.GetTypeDefinition(handle);
            if (definition.GetDeclaringType().IsNil && NamesType(reader, definition.BaseType, baseType))
            {
                string name = reader.GetString(definition.Name);
                string space = reader.GetString(definition.Namespace);
                names.Add(space.Length == 0 ? name : $"{space}.{name}");
            }
        }

        return names;
    }

    private static bool NamesType(MetadataReader reader, EntityHandle handle, Type type) => handle.IsNil ? false : handle.Kind switch
    {
        HandleKind.TypeReference when reader.GetTypeReference((TypeReferenceHandle)handle) is var reference =>
            reader.StringComparer.Equals(reference.Name, type.Name) && reader.StringComparer.Equals(reference.Namespace, type.Namespace ?? string.Empty),
        HandleKind.TypeDefinition when reader.GetTypeDefinition((TypeDefinitionHandle)handle) is var definition =>
            reader.StringComparer.Equals(definition.Name, type.Name) && reader.StringComparer.Equals(definition.Namespace, type.Namespace ?? string.Empty),
        _ => false,
    };
}
