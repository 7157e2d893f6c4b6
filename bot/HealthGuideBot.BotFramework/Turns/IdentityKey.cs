using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// A 16-byte key for a tuple of ids (conversation, activity, user…), for caches that remember many of them: the first
/// 128 bits of SHA-256 over the parts, each length-prefixed so that no two tuples meet by concatenation. Teams ids run
/// to a hundred characters and more; a cache keyed by the strings holds them all alive. A collision cannot be found
/// by a caller, and by chance is about 2^-96 among 100,000 keys.
/// </summary>
public static class IdentityKey
{
    private const int StackLimit = 1024;

    /// <summary>The key of <paramref name="parts"/>, in order; a null part differs from an empty one.</summary>
    public static UInt128 Of(params ReadOnlySpan<string?> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length += sizeof(int) + (part is null ? 0 : Encoding.UTF8.GetMaxByteCount(part.Length));
        }

        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = 0;
            foreach (var part in parts)
            {
                var size = part is null ? -1 : Encoding.UTF8.GetBytes(part, buffer[(written + sizeof(int))..]);
                BinaryPrimitives.WriteInt32LittleEndian(buffer[written..], size);
                written += sizeof(int) + Math.Max(size, 0);
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
