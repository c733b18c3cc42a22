// Runs once, when the MongoDB data volume is new: the portal's own user, allowed only its database.
db.getSiblingDB('alisportalen').createUser({
  user: process.env.MONGO_PORTAL_USER || 'portal',
  pwd: process.env.MONGO_PORTAL_PASSWORD,
  roles: [{ role: 'readWrite', db: 'alisportalen' }]
});
