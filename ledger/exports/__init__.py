"""Files the auditors take away: the FEC, and the books (grand livre, journaux,
integrity report) as CSV. Each streams from PostgreSQL through a server-side
cursor, so an exercise of millions of lines never sits in memory."""
