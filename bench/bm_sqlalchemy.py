"""SQLAlchemy ORM over an in-memory sqlite3 database.

Uses Debian's python3-sqlalchemy (1.4) as an application would: declarative
models with relationships, a session adding rows in bulk, queries with
filters, joins, eager loading and aggregates, then updates and deletes.
Checksum: the query results.
"""

import harness

DEFAULT_SIZE = 3000
QUICK_SIZE = 300


def make_models():
    from sqlalchemy import Column, ForeignKey, Integer, String
    from sqlalchemy.orm import declarative_base, relationship

    Base = declarative_base()

    class Author(Base):
        __tablename__ = "authors"
        id = Column(Integer, primary_key=True)
        name = Column(String(50), nullable=False)
        country = Column(String(20))
        books = relationship("Book", back_populates="author",
                             cascade="all, delete-orphan")

    class Book(Base):
        __tablename__ = "books"
        id = Column(Integer, primary_key=True)
        title = Column(String(100), nullable=False)
        year = Column(Integer)
        pages = Column(Integer)
        author_id = Column(Integer, ForeignKey("authors.id"))
        author = relationship("Author", back_populates="books")
        reviews = relationship("Review", back_populates="book",
                               cascade="all, delete-orphan")

    class Review(Base):
        __tablename__ = "reviews"
        id = Column(Integer, primary_key=True)
        stars = Column(Integer)
        text = Column(String(200))
        book_id = Column(Integer, ForeignKey("books.id"))
        book = relationship("Book", back_populates="reviews")

    return Base, Author, Book, Review


def populate(session, Author, Book, Review, size):
    rng = harness.Lcg(31)
    countries = ["NO", "FR", "JP", "BR", "KE"]
    for a in range(size // 10 + 1):
        author = Author(name="Author %d" % a, country=rng.choice(countries))
        for b in range(1 + rng.below(8)):
            book = Book(title="Book %d-%d" % (a, b), year=1950 + rng.below(70),
                        pages=80 + rng.below(900))
            book.reviews = [Review(stars=1 + rng.below(5),
                                   text="review %d" % rng.below(10000))
                            for _ in range(rng.below(4))]
            author.books.append(book)
        session.add(author)
    session.commit()


def queries(session, Author, Book, Review):
    from sqlalchemy import func
    from sqlalchemy.orm import selectinload
    out = []
    out.append(session.query(func.count(Book.id)).scalar())
    out.append(session.query(Book).filter(Book.year > 2000,
                                          Book.pages < 300).count())
    rows = (session.query(Author.country, func.count(Book.id),
                          func.sum(Book.pages))
            .join(Book).group_by(Author.country).order_by(Author.country).all())
    out.append([tuple(r) for r in rows])
    best = (session.query(Book.title, func.avg(Review.stars).label("avg"))
            .join(Review).group_by(Book.id)
            .order_by(func.avg(Review.stars).desc(), Book.title).limit(5).all())
    out.append([(t, round(float(a), 3)) for t, a in best])
    authors = (session.query(Author).options(selectinload(Author.books))
               .order_by(Author.id).all())
    out.append(sum(len(a.books) for a in authors))
    for author in authors:
        for book in author.books:
            if book.pages > 700:
                book.pages -= 100
    session.commit()
    old = session.query(Book).filter(Book.year < 1960).order_by(Book.id).all()
    for book in old:
        session.delete(book)
    session.commit()
    out.append(session.query(func.count(Review.id)).scalar())
    out.append(session.query(func.sum(Book.pages)).scalar())
    return out


def run(size):
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session
    Base, Author, Book, Review = make_models()
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        populate(session, Author, Book, Review, size)
        result = queries(session, Author, Book, Review)
    engine.dispose()
    return harness.digest(repr(result))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
