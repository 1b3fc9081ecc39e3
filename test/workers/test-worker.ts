// The Worker the Workers test lane runs in: a SQLite-backed Durable Object whose storage the store contracts use.
import { DurableObject } from 'cloudflare:workers';

export class StoreObject extends DurableObject {}

export default {
  fetch(): Response {
    return new Response('store test worker');
  },
};
