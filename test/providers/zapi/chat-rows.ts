/**
 * Z-API chat-list rows for seeding the simulator (`POST /sim/chats`), shaped as `GET /chats` rows
 * (z-api.txt 6186-6267): `Customer <i>` on `55119700000<i>`, one unread in three, newest first.
 * Shared by the relations and read-cache suites and the dashboard bench. No vitest import, so
 * `bench/` can use it.
 * @param count how many rows (default 50, the inbox/dashboard page)
 * @param withPicture how many of the first rows carry their picture (`profileThumbnail`, z-api.txt 6300; default all)
 * @returns the rows, as JSON objects
 */
export function zapiChatRows(count = 50, withPicture = count): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => {
    const phone = `55119${String(70000000 + i)}`;
    return {
      phone,
      name: `Customer ${i}`,
      archived: 'false',
      pinned: 'false',
      unread: String(i % 3),
      lastMessageTime: String(1_730_000_000 + count - i),
      isMuted: '0',
      isMarketSpam: 'false',
      ...(i < withPicture ? { profileThumbnail: `https://pps.whatsapp.net/sim/${phone}.jpg` } : {}),
    };
  });
}
