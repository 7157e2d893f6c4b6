using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context SqliteHealthGuideDbContext --output-dir Migrations/Sqlite</c> build the
/// model without the host. The connection string is never opened by <c>migrations add</c>.
/// </summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteHealthGuideDbContext>
{
    public SqliteHealthGuideDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHealthGuideDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
