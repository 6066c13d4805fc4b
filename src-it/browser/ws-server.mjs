// A WebSocket server on Node's ws, for the Switchboard client to talk to a server that is not Switchboard; run by
// NodeServerClientIT. Listens on 127.0.0.1 at a free port and prints "port N" once it does. Each connection is
// greeted with the JSON note {"text":"welcome","n":0}; a JSON note that comes is answered with its text in capitals
// and the next number; the text "bye" is answered with a close 1000 "bye".
// Usage: node ws-server.mjs
import { WebSocketServer } from 'ws';

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('listening', () => console.log(`port ${server.address().port}`));
server.on('connection', (ws) => {
  ws.send(JSON.stringify({ text: 'welcome', n: 0 }));
  ws.on('message', (data, isBinary) => {
    const text = String(data);
    if (text === 'bye') {
      ws.close(1000, 'bye');
      return;
    }
    const note = JSON.parse(text);
    ws.send(JSON.stringify({ text: note.text.toUpperCase(), n: note.n + 1 }), { binary: isBinary });
  });
});
