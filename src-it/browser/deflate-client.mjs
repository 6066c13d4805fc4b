// Connects to an echo route with Node's ws, offering permessage-deflate, and reports on stdout, one
// "name value" line per result, what it negotiated and whether echoes came back intact; run by DeflateIT.
// Usage: node deflate-client.mjs ws://127.0.0.1:PORT/echo echo OVERSIZED_BYTES|0 [PER_MESSAGE_DEFLATE_JSON]
//        node deflate-client.mjs ws://127.0.0.1:PORT/echo bomb BOMB_BYTES
// "echo" echoes a few messages, then sends OVERSIZED_BYTES of text (small compressed), or closes if 0, and
// reports the close code; PER_MESSAGE_DEFLATE_JSON is ws's perMessageDeflate option, true if not given.
//        node deflate-client.mjs ws://127.0.0.1:PORT/chat/ROOM chat TEXT_BYTES
// "chat" says TEXT_BYTES of text in a chat room and reports whether the room's broadcast of it came back intact.
// "bomb" sends BOMB_BYTES of zeros in one message (ws compresses it whole, in one frame) and reports the close
// code and how long it took.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const [url, mode, bytesArg, optionsArg] = process.argv.slice(2);
const bytes = Number(bytesArg);

// By default ws offers "permessage-deflate; client_max_window_bits", as browsers do, and compresses messages of
// 1 KiB or more; smaller ones go out uncompressed, which the extension allows message by message.
const ws = new WebSocket(url, { perMessageDeflate: optionsArg ? JSON.parse(optionsArg) : true });
const received = [];
const waiting = [];
ws.on('message', (data, isBinary) => {
  const message = { data, isBinary };
  if (waiting.length > 0) {
    waiting.shift()(message);
  } else {
    received.push(message);
  }
});
const closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
ws.on('error', (error) => {
  console.log(`error ${error.message}`);
  process.exit(1);
});
const next = () => (received.length > 0 ? Promise.resolve(received.shift()) : new Promise((r) => waiting.push(r)));

async function echo(name, payload, binary) {
  ws.send(payload, { binary });
  const reply = await next();
  const same = reply.isBinary === binary && Buffer.compare(reply.data, Buffer.from(payload)) === 0;
  console.log(`${name} ${same ? 'intact' : 'different'} ${Buffer.byteLength(payload)}`);
}

await new Promise((resolve) => ws.once('open', resolve));
// ws reports a connection reset only as close code 1006: say why, should it happen.
ws._socket.on('error', (error) => console.log(`socket-error ${error.code}`));
console.log(`extensions ${ws.extensions}`);
console.log(`params ${JSON.stringify(ws._extensions['permessage-deflate']?.params ?? null)}`);

if (mode === 'chat') {
  // The broadcast is compressed for this member, as its echoes are.
  const text = 'a chat line to every member of the room. '.repeat(Math.ceil(bytes / 41)).slice(0, bytes);
  ws.send(text);
  const reply = await next();
  console.log(`broadcast ${!reply.isBinary && reply.data.toString() === text ? 'intact' : 'different'} ${bytes}`);
  console.log(`wire ${ws._socket.bytesWritten} ${ws._socket.bytesRead}`);
  ws.close(1000);
  console.log(`closed ${(await closed).code}`);
} else if (mode === 'bomb') {
  const started = Date.now();
  ws.send(Buffer.alloc(bytes), { binary: true, compress: true });
  const close = await closed;
  console.log(`bomb ${close.code}`);
  console.log(`reason ${close.reason}`);
  console.log(`millis ${Date.now() - started}`);
} else {
  const line = 'Switchboard echoes this line, and a compressor should make it small again. ';
  await echo('text', line.repeat(Math.ceil((1 << 20) / line.length)).slice(0, 1 << 20), false);
  await echo('text-again', line.repeat(Math.ceil((1 << 20) / line.length)).slice(0, 1 << 20), false);
  await echo('binary', randomBytes(64 * 1024), true);
  await echo('small', 'hi', false);
  console.log(`wire ${ws._socket.bytesWritten} ${ws._socket.bytesRead}`);

  // Over the route's limit once inflated, though small on the wire when compressed; 0 to close normally.
  if (bytes > 0) {
    ws.send('x'.repeat(bytes));
  } else {
    ws.close(1000);
  }
  const close = await closed;
  console.log(`${bytes > 0 ? 'oversized' : 'closed'} ${close.code}`);
}
